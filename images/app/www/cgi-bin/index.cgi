#!/bin/bash
# The page at /: busybox httpd runs /cgi-bin/index.cgi for a directory without index.html.
printf 'Content-Type: text/html; charset=utf-8\r\n\r\n'
exec /app/bin/app page 2>&1

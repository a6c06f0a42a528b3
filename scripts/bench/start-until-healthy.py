#!/usr/bin/env python3
"""Starts a server and prints the milliseconds from its exec to the first 200 of GET /healthz.

    start-until-healthy.py PORT LOG COMMAND...

One process polls: it connects every 2 ms and asks once the port accepts. Polling with a new
`curl` (and a `sleep`) each time forks about a hundred processes a second, which on a machine of
two cores takes a good part of a core from the JVM being timed and makes its start look slower.
The server's output goes to LOG; it is stopped with SIGTERM once it has answered.
"""
import socket
import subprocess
import sys
import time

POLL_SECONDS = 0.002
GIVE_UP_SECONDS = 60


def healthy(port):
    """True when the server answers /healthz with 200; False when it refuses or answers else."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n\r\n"
                       % port).encode())
            head = b""
            while b"\r\n" not in head:
                chunk = s.recv(256)
                if not chunk:
                    break
                head += chunk
            return head.startswith(b"HTTP/1.1 200 ")
    except OSError:
        return False


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: start-until-healthy.py PORT LOG COMMAND...")
    port, log, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    with open(log, "wb") as out:
        started = time.monotonic()
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        try:
            while not healthy(port):
                if server.poll() is not None:
                    sys.exit("start-until-healthy.py: the server ended (exit %d); see %s"
                             % (server.returncode, log))
                if time.monotonic() - started > GIVE_UP_SECONDS:
                    sys.exit("start-until-healthy.py: no 200 from /healthz within %d s; see %s"
                             % (GIVE_UP_SECONDS, log))
                time.sleep(POLL_SECONDS)
            print(round((time.monotonic() - started) * 1000))
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()

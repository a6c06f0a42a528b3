#!/usr/bin/env python3
"""Waits until a condition holds, polling every 2 ms from this one process, and exits 0 then.

    wait-until.py healthz PORT               GET /healthz on 127.0.0.1:PORT answers 200
    wait-until.py journal PATH EVENT COUNT   the run journal PATH, or those in the folder PATH
                                             (*.jsonl), hold more than COUNT lines naming "EVENT"
    wait-until.py events PORT TOKEN SEEN     the events API lists at least the lines of the file
                                             SEEN first ("ID RUN_ID TYPE TEXT", one an event)

For benchmarks that time a daemon started beside them: a shell loop that forks a `curl`, or a
`cat` and a `grep`, every 10 ms takes a good part of a core of two from the start it times.
Gives up after 120 s (exit 1).
"""
import glob
import importlib.util
import json
import os
import sys
import time
import urllib.request

POLL_SECONDS = 0.002
GIVE_UP_SECONDS = 120


def poller():
    """start-until-healthy.py's /healthz check, so both ask the same way."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "start-until-healthy.py")
    spec = importlib.util.spec_from_file_location("start_until_healthy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def journal_count(path, event):
    needle = ('"%s"' % event).encode()
    count = 0
    names = glob.glob(os.path.join(path, "*.jsonl")) if os.path.isdir(path) else [path]
    for name in names:
        try:
            with open(name, "rb") as journal:
                count += journal.read().count(needle)
        except OSError:
            pass
    return count


def events_listed(port, token_file):
    """The events API's list as lines "ID RUN_ID TYPE TEXT"; empty while it does not answer."""
    try:
        with open(token_file) as f:
            token = f.read().strip()
        request = urllib.request.Request(
            "http://127.0.0.1:%d/api/v1/events?after=0&limit=10000" % port,
            headers={"Authorization": "Bearer " + token})
        with urllib.request.urlopen(request, timeout=5) as answer:
            events = json.load(answer)["events"]
    except (OSError, ValueError, KeyError):
        return []
    return ["%s %s %s %s" % (e["id"], e["run_id"], e["type"], e["text"]) for e in events]


def main():
    args = sys.argv[1:]
    if args[:1] == ["healthz"] and len(args) == 2:
        healthy = poller().healthy
        port = int(args[1])
        done = lambda: healthy(port)
    elif args[:1] == ["journal"] and len(args) == 4:
        directory, event, count = args[1], args[2], int(args[3])
        done = lambda: journal_count(directory, event) > count
    elif args[:1] == ["events"] and len(args) == 4:
        port, token_file, seen_file = int(args[1]), args[2], args[3]
        with open(seen_file) as seen:
            expected = seen.read().splitlines()
        done = lambda: events_listed(port, token_file)[:len(expected)] == expected
    else:
        sys.exit(__doc__)
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while not done():
        if time.monotonic() > deadline:
            sys.exit("wait-until.py: %s did not happen within %d s" % (" ".join(args),
                                                                       GIVE_UP_SECONDS))
        time.sleep(POLL_SECONDS)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Load script (not a test): one address floods device authorizations and sign-ins while a second address completes
device flows and sign-ins. Needs ./run.sh running. Targets 127.0.0.1 only; every loop is bounded.

  bench/abuse-flood.py [flood_device_authorizations] [flood_sign_ins] [legit_rounds]

The flood comes from 127.0.0.1, the legitimate user from 127.0.0.2 (both loopback: the gateway sees two client
addresses). Prints the answers each side got, and Redis memory before and after.
"""
import http.client
import json
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

GATEWAY_PORT = 8080
FLOOD_IP, LEGIT_IP = "127.0.0.1", "127.0.0.2"
CLI = "latchkey-cli"
DEMO_USER, DEMO_PASSWORD = "demo@latchkey.dev", "latchkey-demo"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


class Client:
    """One HTTP/1.1 keep-alive connection from a chosen source address, with a cookie jar."""

    def __init__(self, source_ip):
        self.source_ip = source_ip
        self.cookies = {}
        self.conn = None

    def request(self, method, path, form=None):
        body = urllib.parse.urlencode(form) if form is not None else None
        headers = {"Host": "127.0.0.1:%d" % GATEWAY_PORT}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        for attempt in range(2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection("127.0.0.1", GATEWAY_PORT, timeout=30,
                                                           source_address=(self.source_ip, 0))
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                data = r.read().decode("utf-8", "replace")
                for name, value in r.getheaders():
                    if name.lower() == "set-cookie":
                        k, _, v = value.split(";", 1)[0].partition("=")
                        self.cookies[k] = v
                if r.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data
            except (http.client.HTTPException, ConnectionError):
                self.conn = None
                if attempt == 1:
                    return 0, {}, ""


def redis_memory():
    out = subprocess.run(["redis-cli", "-h", "127.0.0.1", "INFO", "memory"], capture_output=True, text=True).stdout
    return int(re.search(r"used_memory:(\d+)", out).group(1))


def flood(device_authorizations, sign_ins, statuses, retry_missing):
    local = threading.local()

    def client():
        if not hasattr(local, "c"):
            local.c = Client(FLOOD_IP)
        return local.c

    def device(i):
        s, h, _ = client().request("POST", "/oauth/device_authorization", {"client_id": CLI, "scope": "db:read"})
        statuses["device_authorization %d" % s] += 1
        if s == 429 and "retry-after" not in h:
            retry_missing.append(s)

    def sign_in(i):
        c = Client(FLOOD_IP)
        s, _, page = c.request("GET", "/login")
        m = CSRF.search(page)
        if not m:
            statuses["login form %d" % s] += 1
            return
        s, h, _ = c.request("POST", "/login", {"username": "spray-%d@latchkey.dev" % i, "password": "Winter2026!",
                                               "csrf": m.group(1)})
        statuses["sign_in %d" % s] += 1
        if s in (429, 503) and "retry-after" not in h:
            retry_missing.append(s)

    with ThreadPoolExecutor(max_workers=8) as pool:
        jobs = [pool.submit(device, i) for i in range(device_authorizations)]
        jobs += [pool.submit(sign_in, i) for i in range(sign_ins)]
        for j in jobs:
            j.result()


def legit_round(statuses):
    """A real user on another address: sign in, start a device flow on the CLI, approve it, redeem the code."""
    c = Client(LEGIT_IP)
    s, _, page = c.request("GET", "/login")
    s, _, _ = c.request("POST", "/login", {"username": DEMO_USER, "password": DEMO_PASSWORD,
                                           "csrf": CSRF.search(page).group(1)})
    statuses["sign_in %d" % s] += 1
    cli = Client(LEGIT_IP)
    s, _, body = cli.request("POST", "/oauth/device_authorization", {"client_id": CLI, "scope": "db:read"})
    statuses["device_authorization %d" % s] += 1
    if s != 200:
        return
    codes = json.loads(body)
    s, _, page = c.request("GET", "/device?user_code=" + urllib.parse.quote(codes["user_code"]))
    m = CSRF.search(page)
    s, _, _ = c.request("POST", "/device", {"user_code": codes["user_code"], "csrf": m.group(1)}) if m else (s, 0, 0)
    s, _, page = c.request("GET", "/device?user_code=" + urllib.parse.quote(codes["user_code"]))
    m = CSRF.search(page)
    s, _, _ = c.request("POST", "/device/decision", {"user_code": codes["user_code"], "decision": "approve",
                                                     "csrf": m.group(1)})
    statuses["approve %d" % s] += 1
    s, _, body = cli.request("POST", "/oauth/token", {"grant_type": DEVICE_GRANT, "client_id": CLI,
                                                      "device_code": codes["device_code"]})
    statuses["token %d" % s] += 1


def main():
    device_authorizations = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    sign_ins = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    before = redis_memory()
    flood_statuses, legit_statuses, retry_missing = Counter(), Counter(), []
    started = time.time()
    flooder = threading.Thread(target=flood, args=(device_authorizations, sign_ins, flood_statuses, retry_missing))
    flooder.start()
    time.sleep(1)
    for _ in range(rounds):
        legit_round(legit_statuses)
        time.sleep(0.5)
    flooder.join()
    elapsed = time.time() - started
    after = redis_memory()
    print("flood from %s (%d device authorizations, %d sign-ins, %.1f s):" % (FLOOD_IP, device_authorizations,
                                                                              sign_ins, elapsed))
    for k, v in sorted(flood_statuses.items()):
        print("  %-28s %d" % (k, v))
    print("legitimate user from %s (%d rounds):" % (LEGIT_IP, rounds))
    for k, v in sorted(legit_statuses.items()):
        print("  %-28s %d" % (k, v))
    print("429/503 without Retry-After: %d" % len(retry_missing))
    five = sum(v for k, v in list(flood_statuses.items()) + list(legit_statuses.items())
               if k.split()[-1].startswith("5") and not k.endswith(" 503"))
    print("5xx other than 503: %d" % five)
    print("Redis used_memory: before %.1f MiB, after %.1f MiB (delta %+.1f MiB)" % (
        before / 2**20, after / 2**20, (after - before) / 2**20))


if __name__ == "__main__":
    main()

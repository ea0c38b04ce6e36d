#!/usr/bin/env python3
"""Set-up and bookkeeping for bench/side-by-side.sh (python3 standard library only).

  setup.py device-codes URL CLIENT_ID SCOPE N [THREADS]  -> N device codes nobody approves, one a line
  setup.py latchkey-refresh GATEWAY N USER PASSWORD      -> N refresh tokens of latchkey-cli, each from its own
                                                            device flow approved through the consent pages
  setup.py password-refresh TOKEN_URL N CLIENT_ID SECRET USER PASSWORD -> N refresh tokens (password grant)
  setup.py check-jwt-alg TOKEN_URL CLIENT_ID SECRET ALG   -> fails unless a client_credentials token is signed with ALG
  setup.py mem PID...                                    -> "rss_kb pss_kb" summed over the processes
  setup.py report RESULTS_DIR                            -> the Markdown section for BENCHMARKS.md
"""
import base64
import http.client
import json
import os
import re
import statistics
import sys
import threading
import urllib.parse


def request(url, method="GET", form=None, headers=None, basic=None):
    """One HTTP/1.1 exchange without following redirects: (status, headers list, body text)."""
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    h = dict(headers or {})
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form).encode()
        h["Content-Type"] = "application/x-www-form-urlencoded"
    if basic is not None:
        h["Authorization"] = "Basic " + base64.b64encode(("%s:%s" % basic).encode()).decode()
    path = u.path + ("?" + u.query if u.query else "")
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    text = r.read().decode("utf-8", "replace")
    conn.close()
    return r.status, r.getheaders(), text


def fail(msg):
    sys.stderr.write("setup.py: " + msg + "\n")
    sys.exit(1)


def json_ok(status, text, what):
    if status != 200:
        fail("%s answered %d: %s" % (what, status, text[:300]))
    return json.loads(text)


def device_codes(url, client_id, scope, n, threads="1"):
    """N device authorizations over THREADS keep-alive connections, printed as they come."""
    form = {"client_id": client_id}
    if scope:
        form["scope"] = scope
    body = urllib.parse.urlencode(form).encode()
    u = urllib.parse.urlsplit(url)
    n, threads = int(n), int(threads)
    lock, errors = threading.Lock(), []

    def worker(count):
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        codes = []
        try:
            for _ in range(count):
                conn.request("POST", u.path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
                r = conn.getresponse()
                text = r.read().decode("utf-8", "replace")
                if r.status != 200:
                    errors.append("device authorization answered %d: %s" % (r.status, text[:300]))
                    return
                codes.append(json.loads(text)["device_code"])
                if len(codes) == 1000:
                    with lock:
                        sys.stdout.write("\n".join(codes) + "\n")
                    codes = []
        except (OSError, http.client.HTTPException) as e:
            errors.append("device authorization failed: %r" % e)
        finally:
            with lock:
                if codes:
                    sys.stdout.write("\n".join(codes) + "\n")
            conn.close()

    pool = [threading.Thread(target=worker, args=(n // threads + (1 if i < n % threads else 0),))
            for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    sys.stdout.flush()
    if errors:
        fail(errors[0])


class Browser:
    """Just enough of a browser for the consent pages: cookies by name, the page's csrf field."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.cookies = {}

    def go(self, path, method="GET", form=None):
        headers = {"User-Agent": "latchkey-bench/1"}
        if self.cookies:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        status, hdrs, text = request(self.base + path, method, form, headers)
        for name, value in hdrs:
            if name.lower() == "set-cookie":
                k, _, v = value.split(";", 1)[0].partition("=")
                self.cookies[k.strip()] = v.strip()
        return status, dict((k.lower(), v) for k, v in hdrs), text

    @staticmethod
    def csrf(text):
        m = re.search(r'name="csrf" value="([^"]+)"', text)
        if not m:
            fail("no csrf field on the page: " + text[:300])
        return m.group(1)


def latchkey_refresh(gateway, n, user, password):
    b = Browser(gateway)
    status, _, page = b.go("/login?return_to=%2Fdevice")
    if status != 200:
        fail("GET /login answered %d" % status)
    status, hdrs, page = b.go("/login", "POST", {"csrf": b.csrf(page), "return_to": "/device",
                                                 "username": user, "password": password})
    if status not in (302, 303) or "lk_session" not in b.cookies:
        fail("sign-in failed: %d %s" % (status, page[:300]))
    for _ in range(int(n)):
        status, _, text = request(gateway + "/oauth/device_authorization", "POST",
                                  {"client_id": "latchkey-cli", "scope": "profile db:read"})
        auth = json_ok(status, text, "device authorization")
        status, _, page = b.go("/device")
        if status != 200:
            fail("GET /device answered %d" % status)
        status, hdrs, page = b.go("/device", "POST", {"csrf": b.csrf(page), "user_code": auth["user_code"]})
        if status == 303:  # post/redirect/get: a found code is shown by GET /device/confirm
            status, _, page = b.go(hdrs.get("location", "/device/confirm"))
        if status != 200 or 'value="approve"' not in page:
            fail("user code lookup: %d %s" % (status, page[:300]))
        status, hdrs, page = b.go("/device/decision", "POST", {"csrf": b.csrf(page), "user_code": auth["user_code"],
                                                               "decision": "approve"})
        if status == 303:  # post/redirect/get: the outcome is shown by GET /device/done
            status, _, page = b.go(hdrs.get("location", "/device/done"))
        if status != 200 or "Device connected" not in page:
            fail("approval: %d %s" % (status, page[:300]))
        status, _, text = request(gateway + "/oauth/token", "POST",
                                  {"grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                                   "client_id": "latchkey-cli", "device_code": auth["device_code"]})
        print(json_ok(status, text, "device-code exchange")["refresh_token"])


def password_refresh(token_url, n, client_id, secret, user, password):
    for _ in range(int(n)):
        status, _, text = request(token_url, "POST", {"grant_type": "password", "username": user,
                                                      "password": password, "scope": "openid"},
                                  basic=(client_id, secret))
        print(json_ok(status, text, "password grant")["refresh_token"])


def check_jwt_alg(token_url, client_id, secret, alg):
    status, _, text = request(token_url, "POST", {"grant_type": "client_credentials"}, basic=(client_id, secret))
    token = json_ok(status, text, "client_credentials")["access_token"]
    head = token.split(".")[0]
    header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
    if header.get("alg") != alg:
        fail("access token signed with %s, expected %s" % (header.get("alg"), alg))
    print("access token header: %s" % json.dumps(header, sort_keys=True))


def mem(pids):
    rss = pss = 0
    for pid in pids:
        try:
            with open("/proc/%s/smaps_rollup" % pid) as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    print("%d %d" % (rss, pss))


# ---------------------------------------------------------------- report

SCENARIOS = [("poll", "pending device poll (through the gateway for Latchkey)"),
             ("device", "device authorization"),
             ("cc", "client_credentials (ES256)"),
             ("refresh", "refresh_token with rotation")]


def parse_result(line):
    out = {}
    for m in re.finditer(r"(\w+)=(\S+)", line.split(" sample=")[0]):
        out[m.group(1)] = m.group(2)
    return out


def load(results):
    """points[(pass, system, scenario)] = list of parsed wrk results (one per repetition)"""
    points = {}
    with open(os.path.join(results, "points.tsv")) as f:
        for row in f:
            p, system, scenario, rep, line = row.rstrip("\n").split("\t", 4)
            points.setdefault((int(p), system, scenario), []).append(parse_result(line))
    return points


def hop_cpu(results):
    """median CPU time of the hop per answered request (µs), when the script measured it"""
    vals = [float(r["hop_cpu_us"]) for r in results or [] if "hop_cpu_us" in r]
    return statistics.median(vals) if vals else None


def fmt(x, digits=0):
    return "{:,.{d}f}".format(x, d=digits)


def report(results):
    meta = {}
    with open(os.path.join(results, "meta.env")) as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("=")
            meta[k] = v
    points = load(results)
    passes = sorted({k[0] for k in points})
    out = []
    out.append("| work (wrk -t%s -c%s, %s × %s, median; %s) | Latchkey req/s | Keycloak req/s | ratio L/K "
               "| unexpected answers L / K | p99 L / K (ms) |"
               % (meta.get("THREADS"), meta.get("CONNS"), meta.get("REPS"), meta.get("DURATION"),
                  " / ".join("pass %d" % p for p in passes)))
    out.append("| --- | --- | --- | --- | --- | --- |")
    for key, label in SCENARIOS:
        cells = {"L": [], "K": [], "ratio": [], "bad": [], "p99": []}
        present = False
        for p in passes:
            lat, kc = points.get((p, "latchkey", key)), points.get((p, "keycloak", key))
            if not lat and not kc:
                continue
            present = True
            lm = statistics.median(float(r["rps"]) for r in lat) if lat else None
            km = statistics.median(float(r["rps"]) for r in kc) if kc else None
            cells["L"].append(fmt(lm) if lm is not None else "—")
            cells["K"].append(fmt(km) if km is not None else "—")
            cells["ratio"].append(("%.2f×" % (lm / km)) if lm and km else "—")
            lb = sum(int(r["unexpected"]) + int(r.get("lost_chains", 0)) for r in lat or [])
            kb = sum(int(r["unexpected"]) + int(r.get("lost_chains", 0)) for r in kc or [])
            cells["bad"].append("%d / %d" % (lb, kb))
            lp = statistics.median(float(r["p99_ms"]) for r in lat) if lat else None
            kp = statistics.median(float(r["p99_ms"]) for r in kc) if kc else None
            cells["p99"].append("%s / %s" % (fmt(lp, 1) if lp is not None else "—", fmt(kp, 1) if kp is not None else "—"))
        if present:
            out.append("| %s | %s | %s | %s | %s | %s |" % (label, " / ".join(cells["L"]), " / ".join(cells["K"]),
                                                         " / ".join(cells["ratio"]), "; ".join(cells["bad"]),
                                                         "; ".join(cells["p99"])))
    for base_key, label in (("bare-direct", "reference: the same polls straight at Latchkey's device-service (no hop)"),
                            ("bare-proxy", "bare limit: poll through a bare one-hop Vert.x proxy")):
        vals = []
        for p in passes:
            r = points.get((p, "latchkey", base_key))
            if r:
                vals.append(statistics.median(float(x["rps"]) for x in r))
        if vals:
            gw = [statistics.median(float(x["rps"]) for x in points[(p, "latchkey", "poll")])
                  for p in passes if (p, "latchkey", "poll") in points and (p, "latchkey", base_key) in points]
            reached = " / ".join("%.0f %%" % (100 * g / v) for g, v in zip(gw, vals)) if base_key == "bare-proxy" else ""
            cpu = [(hop_cpu(points.get((p, "latchkey", "poll"))), hop_cpu(points.get((p, "latchkey", base_key))))
                   for p in passes if (p, "latchkey", base_key) in points] if base_key == "bare-proxy" else []
            if cpu and all(g is not None and b is not None for g, b in cpu):
                reached += "; CPU per poll, gateway / bare proxy: " + "; ".join(
                    "%s / %s µs" % (fmt(g, 1), fmt(b, 1)) for g, b in cpu)
            out.append("| %s | %s | | %s | | |" % (label, " / ".join(fmt(v) for v in vals),
                                                  ("gateway reaches " + reached) if reached else ""))
    mem_rows = {}
    for name in sorted(os.listdir(results)):
        m = re.match(r"mem-(\d+)-(latchkey|keycloak)\.txt$", name)
        if m:
            with open(os.path.join(results, name)) as f:
                samples = [tuple(int(x) for x in line.split()) for line in f if line.strip()]
            if samples:
                mem_rows.setdefault(m.group(2), []).append((max(s[0] for s in samples), max(s[1] for s in samples)))
    if mem_rows:
        def mb(rows, i):
            return " / ".join(fmt(r[i] / 1024) for r in rows) or "—"
        lat, kc = mem_rows.get("latchkey", []), mem_rows.get("keycloak", [])
        out.append("| peak memory under load, MB (RSS; PSS) per pass | four JVMs: %s; %s | %s; %s | | | |"
                   % (mb(lat, 0), mb(lat, 1), mb(kc, 0), mb(kc, 1)))
    ready = {}
    if os.path.exists(os.path.join(results, "ready.tsv")):
        with open(os.path.join(results, "ready.tsv")) as f:
            for row in f:
                p, system, service, secs = row.split()
                if p == "0":
                    continue  # the unmeasured first starts (Keycloak: new database; Latchkey: AOT caches)
                ready.setdefault(system, {}).setdefault(service, []).append(float(secs))
    if ready:
        lat = ", ".join("%s %s" % (s, "/".join("%.1f" % x for x in v)) for s, v in sorted(ready.get("latchkey", {}).items()))
        kc = ", ".join("/".join("%.1f" % x for x in v) for v in ready.get("keycloak", {}).values())
        out.append("| start to ready, s per pass (Latchkey: all four started together by run.sh) | %s | %s | | | |"
                   % (lat or "—", kc or "—"))
    print("\n".join(out))


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "device-codes":
        device_codes(*args)
    elif cmd == "latchkey-refresh":
        latchkey_refresh(*args)
    elif cmd == "password-refresh":
        password_refresh(*args)
    elif cmd == "check-jwt-alg":
        check_jwt_alg(*args)
    elif cmd == "mem":
        mem(args)
    elif cmd == "report":
        report(*args)
    else:
        fail("unknown command " + cmd)


if __name__ == "__main__":
    main()

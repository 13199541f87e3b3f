#!/usr/bin/env python3
"""The web app in a real browser (docs/web.md): headless Chromium driven through Selenium.

Builds the example company's workspace (scripts/example-workspace.sh) with its customers, calculates
2024, adds a user of each role, starts `footprint serve --self-signed` on a free port, and checks:
signing in as each role; every page renders and its headline figures equal `calculate --json`,
`report --corporate --format json` and `customers statement --format json` for the same workspace;
a customer user gets 404 on every other page and customer (links, guessed URLs, forms); a POST
without its CSRF token is refused (403); sign-ins are locked after repeated failures (429); axe
finds no serious or critical violation on any page; a screenshot of each page in both languages
goes to Tests/web/output (git-ignored).

usage: python3 Tests/web/test_web.py [FOOTPRINT_BINARY]   (default: .build/debug/footprint)
Without Chromium, chromium-driver or the selenium packages the test is skipped (exit 0, said so),
except under CI=true, where that is a failure.
"""

import http.cookiejar
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUTPUT = os.path.join(ROOT, "Tests", "web", "output")
PASSWORD = "correct horse battery staple"
CUSTOMER = "CUST-001"
OTHER_CUSTOMER = "CUST-002"
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL: " + message, flush=True)
    return condition


def skip_or_fail(reason):
    if os.environ.get("CI") == "true":
        print("web tests: FAILED: " + reason + " (CI=true needs chromium, chromium-driver, selenium and axe-selenium-python)")
        sys.exit(1)
    print("web tests: SKIPPED: " + reason + " (apt-get install chromium chromium-driver; pip install selenium axe-selenium-python)")
    sys.exit(0)


try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
    from axe_selenium_python import Axe
except ImportError as error:
    skip_or_fail(f"the Python packages are missing ({error})")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
if not CHROMIUM or not DRIVER:
    skip_or_fail("chromium or chromedriver is not installed")


def category_lines(binary, db, run_id, supplier, category):
    """A supplier's lines in a Scope 3 category of run run_id, from 'runs lines': their count, and their kg as the inventory sums them."""
    import csv
    import io
    import math

    count, nano = 0, 0
    for row in csv.DictReader(io.StringIO(run(binary, "runs", "lines", str(run_id), "--supplier", supplier, "--db", db))):
        if row["scope3_category"] != str(category):
            continue
        count += 1
        if row["method"] != "unmapped":
            x = float(row["kgco2e"]) * 1e9
            nano += int(math.copysign(math.floor(abs(x) + 0.5), x))
    return count, nano / 1e9


def run(binary, *args, stdin=None):
    result = subprocess.run([binary, *args], cwd=ROOT, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"footprint {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout


def build_workspace(binary, directory):
    db = os.path.join(directory, "footprint.sqlite")
    subprocess.run([os.path.join(ROOT, "scripts", "example-workspace.sh"), binary, db], cwd=ROOT, check=True, capture_output=True)
    example = os.path.join(ROOT, "examples", "nordic-it")
    for kind, file in [("customers", "customers"), ("services", "services"), ("service-pools", "service_pools"), ("service-usage", "service_usage")]:
        run(binary, "import", "--db", db, kind, os.path.join(example, file + ".csv"))
    password_file = os.path.join(directory, "password.txt")
    with open(password_file, "w") as f:
        f.write(PASSWORD + "\n")
    users = {
        "ada": ("administrator", []),
        "ann": ("analyst", []),
        "vera": ("viewer", ["--language", "nb"]),
        "audun": ("auditor", []),
        "cust": ("customer", ["--customer", CUSTOMER]),
        "locked": ("viewer", []),
    }
    for name, (role, extra) in users.items():
        run(binary, "users", "add", name, "--role", role, "--password-file", password_file, "--db", db, *extra)
    # Bad additions are refused: a customer user without a customer, an unknown customer, a short password.
    for args in (["--role", "customer"], ["--role", "customer", "--customer", "NOPE"], ["--role", "viewer"]):
        result = subprocess.run([binary, "users", "add", "x-" + args[1], *args, "--db", db], cwd=ROOT, input="short\n", capture_output=True, text=True)
        check(result.returncode != 0, f"users add {' '.join(args)} with a short password or bad customer was accepted")
    listed = json.loads(run(binary, "users", "list", "--json", "--db", db))
    check(sorted(u["name"] for u in listed) == sorted(users), f"users list: {listed}")
    check(all("password" not in json.dumps(u).lower() for u in listed), "users list shows a password")
    return db, users


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, db, directory):
    port = free_port()
    log = open(os.path.join(directory, "serve.log"), "w")
    server = subprocess.Popen(
        [binary, "serve", "--db", db, "--self-signed", "--write-cert", os.path.join(directory, "cert.pem"), "--port", str(port)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"https://localhost:{port}"
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("footprint serve did not start:\n" + open(os.path.join(directory, "serve.log")).read())


class Client:
    """A plain HTTPS client (no browser) for the checks a browser cannot make: forged POSTs, headers, statuses."""

    def __init__(self, base):
        self.base = base
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE
        self.cookies = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=self.context), urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def request(self, path, form=None, headers=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def login(self, name, password):
        status, _, body = self.request("/app/login")
        token = re.search(r'name="_csrf" value="([^"]+)"', body).group(1)
        return self.request("/app/login", {"_csrf": token, "name": name, "password": password})


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en"):
        options.add_argument(argument)
    options.accept_insecure_certs = True
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)


def gone(page):
    """Whether `page` (an element) has left the document: stale, or (mid-navigation) any error Chromium gives for it."""

    def predicate(_driver):
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            return True

    return predicate


def loaded(driver):
    return driver.execute_script("return document.readyState") == "complete"


def submit(driver, button):
    """Clicks a submit button or link and waits until the next page has loaded."""
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 20).until(gone(page))
    WebDriverWait(driver, 20).until(loaded)


def sign_in(driver, base, name):
    driver.delete_all_cookies()
    driver.get(base + "/app/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.login button"))


def set_language(driver, language):
    select = driver.find_element(By.ID, "language")
    select.find_element(By.CSS_SELECTOR, f"option[value='{language}']").click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/app/language'] button"))


def axe_check(driver, label):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    check(not bad, f"axe on {label}: " + "; ".join(f"{v['id']} ({v['impact']}): {v['help']}" for v in bad))


def job_result(driver, label):
    """Waits on a job's page (it reloads itself every second while the job runs) until the job has
    ended; its state (done or failed)."""
    def ended(d):
        jobs = d.find_elements(By.ID, "job")
        return jobs and jobs[0].get_attribute("data-state") != "running"
    try:
        WebDriverWait(driver, 120, poll_frequency=0.25, ignored_exceptions=(WebDriverException,)).until(ended)
    except WebDriverException:
        check(False, f"{label}: the job did not end within two minutes")
    WebDriverWait(driver, 20).until(loaded)
    check(bool(driver.find_elements(By.CSS_SELECTOR, "#job progress[max='100']")), f"{label}: no progress element")
    check(not driver.find_elements(By.CSS_SELECTOR, "meta[http-equiv='refresh']"), f"{label}: the ended job's page still refreshes")
    return driver.find_element(By.ID, "job").get_attribute("data-state")


def screenshot(driver, name):
    """The whole page, as tall as its content (Chromium's device metrics set to the page's size)."""
    os.makedirs(OUTPUT, exist_ok=True)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    height = int(min(metrics["cssContentSize"]["height"], 8000))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.save_screenshot(os.path.join(OUTPUT, name + ".png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def headline(driver):
    """The data-value of each row of the headline table, by its data-key."""
    rows = driver.find_elements(By.CSS_SELECTOR, "#headline tr[data-key]")
    return {r.get_attribute("data-key"): (r.find_element(By.CSS_SELECTOR, "[data-value]").get_attribute("data-value"), r.find_element(By.CSS_SELECTOR, "[data-value]").text) for r in rows}


def tonnes_en(kg):
    return f"{Decimal(repr(kg / 1000)).quantize(Decimal('0.1'), rounding='ROUND_HALF_UP'):,}"


SUPPLIER = "SUP-0001"


def cli_figures(binary, db, runs):
    """What the CLI prints for the pages of the second slice, as JSON (floats as Decimal where the CLI prints exact decimals)."""
    figures = {"methods": {}, "suppliers": {}}
    for r in runs:
        report = json.loads(run(binary, "report", "--db", db, "--run", str(r["id"]), "--by", "method", "supplier", "--format", "json"))
        figures["methods"][r["id"]] = {row["key"]: row for row in report["groupings"]["method"]}
        figures["suppliers"][r["id"]] = {row["key"]: row for row in report["groupings"]["supplier"]}
    figures["supplier"] = json.loads(run(binary, "suppliers", "show", SUPPLIER, "--json", "--db", db))
    figures["kpis"] = json.loads(run(binary, "engagement", "kpis", "--json", "--db", db))
    figures["requests"] = json.loads(run(binary, "engagement", "requests", "list", "--json", "--db", db))
    figures["supplier_requests"] = json.loads(run(binary, "engagement", "requests", "list", "--supplier", SUPPLIER, "--json", "--db", db))
    figures["diff"] = json.loads(run(binary, "runs", "diff", "1", "2", "--json", "--db", db), parse_float=Decimal)
    shown = run(binary, "runs", "show", "2", "--db", db)
    figures["verified"] = int(re.search(r"Lines: (\d+) verified", shown).group(1))
    figures["verified_kg"] = float(re.search(r"their sum is (\S+) kg", shown).group(1))
    figures["footprints"] = json.loads(run(binary, "pact", "list", "--json", "--db", db))
    figures["clients"] = json.loads(run(binary, "pact", "clients", "list", "--json", "--db", db))
    figures["partners"] = json.loads(run(binary, "pact", "partners", "list", "--json", "--db", db))
    return figures


def values(row):
    return [e.get_attribute("data-value") for e in row.find_elements(By.CSS_SELECTOR, "[data-value]")]


def check_second_slice(driver, label, cli, name):
    """The method mix, supplier, engagement, diff, verification and PACT pages against the CLI's figures."""
    if label == "methods":
        rows = driver.find_elements(By.CSS_SELECTOR, "#runs-mix tr[data-key]")
        expected = sum(1 for methods in cli["methods"].values() for key in methods)
        check(len(rows) == expected, f"{name}: the method mix lists {len(rows)} run x method rows, not {expected}")
        for row in rows:
            run_id, method = row.get_attribute("data-key").split(" ")
            cli_row = cli["methods"][int(run_id)][method]
            if method != "unmapped":
                kg, share = values(row)[:2]
                check(float(kg) == cli_row["kgco2e"] and float(share) == cli_row["share"], f"method mix run {run_id} {method}: {kg}, {share} != report --by method {cli_row['kgco2e']}, {cli_row['share']}")
        check(len(driver.find_elements(By.CSS_SELECTOR, "figure.chart svg title")) >= 2, "the method mix has no charts with titles")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#periods tr[data-key]")) > 0, "the method mix has no period rows")
    if label == "supplier":
        detail = cli["supplier"]
        emissions = driver.find_elements(By.ID, "emissions")
        check(emissions and float(emissions[0].get_attribute("data-value")) == detail["emissions_kg"], f"supplier page emissions differ from suppliers show --json {detail['emissions_kg']}")
        check(driver.find_element(By.ID, "tier").text == detail["assessment"]["tier"], "supplier page tier differs from suppliers show --json")
        rows = driver.find_elements(By.CSS_SELECTOR, "#methods tr[data-key]")
        history = {r: s[SUPPLIER] for r, s in cli["suppliers"].items() if SUPPLIER in s}
        check(len(rows) == len(history), f"the supplier's method history has {len(rows)} runs, not {len(history)}")
        for row in rows:
            cli_row = history[int(row.get_attribute("data-key").removeprefix("run-"))]
            shown = [float(v) for v in values(row)]
            check(shown[-1] == cli_row["kgco2e"], f"supplier method history total {shown[-1]} != report --by supplier {cli_row['kgco2e']}")
            check(sorted(shown[:-1]) == sorted(cli_row["kgco2e_by_method"].values()), f"supplier method history {shown[:-1]} != {cli_row['kgco2e_by_method']}")
        requests = driver.find_elements(By.CSS_SELECTOR, "#requests tr[data-key]")
        check(sorted(r.get_attribute("data-key") for r in requests) == sorted(str(r["id"]) for r in cli["supplier_requests"]), "the supplier's requests differ from engagement requests list --supplier")
    if label == "engagement":
        figures = headline(driver)
        kpis = cli["kpis"]
        for key in ("total_kg", "sbti_targets_set_emission_share", "primary_data_share"):
            check(key in figures and float(figures[key][0]) == kpis[key], f"engagement {key} {figures.get(key)} != engagement kpis --json {kpis[key]}")
        boundary = "boundaries.categories-1-2.sbti_targets_set_emission_share"
        check(boundary in figures and float(figures[boundary][0]) == kpis["boundaries"]["categories-1-2"]["sbti_targets_set_emission_share"], "engagement categories 1-2 share differs")
        progress = {r.get_attribute("data-key"): r.find_element(By.CSS_SELECTOR, "[data-value]").get_attribute("data-value") for r in driver.find_elements(By.CSS_SELECTOR, "#progress tr[data-key]") if r.find_elements(By.CSS_SELECTOR, "[data-value]")}
        check("share" in progress and float(progress["share"]) == kpis["target"]["share"], f"engagement target share {progress.get('share')} != {kpis['target'].get('share')}")
        overdue = int(driver.find_element(By.ID, "overdue-count").get_attribute("data-value"))
        check(overdue == sum(1 for r in cli["requests"] if r["overdue"]), "the overdue count differs from engagement requests list --json")
    if label == "requests":
        rows = driver.find_elements(By.CSS_SELECTOR, "#requests tr[data-key]")
        check(sorted(r.get_attribute("data-key") for r in rows) == sorted(str(r["id"]) for r in cli["requests"]), "the requests page differs from engagement requests list --json")
        marked = sorted(r.get_attribute("data-key") for r in rows if r.find_elements(By.CSS_SELECTOR, ".overdue"))
        check(marked == sorted(str(r["id"]) for r in cli["requests"] if r["overdue"]), f"overdue requests marked {marked}")
    if label == "diff":
        figures = headline(driver)
        diff = cli["diff"]
        for key in ("total_kgco2e_before", "total_kgco2e_after", "delta_kgco2e"):
            check(key in figures and Decimal(figures[key][0]) == diff[key], f"diff {key} {figures.get(key)} != runs diff --json {diff[key]}")
        total = driver.find_element(By.CSS_SELECTOR, "#attribution tr[data-key='total']")
        parts = [Decimal(v) for v in values(total)]
        expected = [Decimal(str(diff["attribution"]["total"][k])) for k in ("kgco2e_before", "kgco2e_after", "delta_kgco2e", "activity_kgco2e", "method_switch_kgco2e", "figures_kgco2e")]
        check(parts == expected, f"diff attribution {parts} != runs diff --json {expected}")
        why = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#why li")]
        check(why == diff["why"], f"diff reasons {why} != runs diff --json {diff['why']}")
    if label == "verify":
        check(int(driver.find_element(By.ID, "verified-lines").get_attribute("data-value")) == cli["verified"], "verified lines differ from runs show")
        check(float(driver.find_element(By.ID, "verified-kg").get_attribute("data-value")) == cli["verified_kg"], "verified kg differ from runs show")
    if label == "pact":
        check(len(driver.find_elements(By.CSS_SELECTOR, "#footprints tbody tr")) == len(cli["footprints"]), "the PACT page's footprints differ from pact list --json")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#clients tbody tr")) == len(cli["clients"]), "the PACT page's clients differ from pact clients list --json")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#partners tbody tr")) == len(cli["partners"]), "the PACT page's partners differ")
        check("secret" not in driver.page_source.lower() or "secret" not in driver.find_element(By.TAG_NAME, "main").text.lower(), "the PACT page shows a secret")


def split_and_verify(driver, base, cli, name):
    """The diff answers at once without its split, which a job makes (the Split button, the job's
    page, back to the diff, now split as `runs diff 1 2 --json`); a run's verification likewise
    (the button, the job's page with the result as `runs show 2`, the verification page keeping it)."""
    driver.get(base + "/app/runs/diff?before=1&after=2")
    absent = driver.find_elements(By.CSS_SELECTOR, "#split[data-state='absent']")
    check(bool(absent), f"{name}: the diff page shows a split before any job made it")
    check(not driver.find_elements(By.ID, "attribution"), f"{name}: the unsplit diff has an attribution table")
    check("every line of both runs" in absent[0].text if absent else False, "the unsplit diff does not say what the split takes")
    figures = headline(driver)
    diff = cli["diff"]
    for key in ("total_kgco2e_before", "total_kgco2e_after", "delta_kgco2e"):
        check(key in figures and Decimal(figures[key][0]) == diff[key], f"unsplit diff {key} {figures.get(key)} != runs diff --json {diff[key]}")
    why = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#why li")]
    check(why == diff["why"], f"unsplit diff reasons {why} != runs diff --json {diff['why']}")
    screenshot(driver, f"{name}-diff-unsplit")
    axe_check(driver, "the diff without its split")
    submit(driver, driver.find_element(By.ID, "start-split"))
    check("/app/jobs/" in driver.current_url, f"the split's button led to {driver.current_url}, not a job")
    check(job_result(driver, "the split") == "done", "the split's job did not end done")
    check("split" in driver.find_element(By.ID, "job-status").text.lower(), "the split's job page does not say it is split")
    screenshot(driver, f"{name}-diff-split-job")
    axe_check(driver, "the split's job page")
    submit(driver, driver.find_element(By.ID, "back"))
    check(driver.current_url.endswith("/app/runs/diff?before=1&after=2"), f"the split's job links back to {driver.current_url}")
    check_second_slice(driver, "diff", cli, name)
    check(not driver.find_elements(By.CSS_SELECTOR, "#split[data-state='absent']"), "the diff still offers its split after the job")
    screenshot(driver, f"{name}-diff-split")
    axe_check(driver, "the diff with its split")
    driver.get(base + "/app/runs/2/verify")
    check(bool(driver.find_elements(By.CSS_SELECTOR, "#verification-absent")) and not driver.find_elements(By.ID, "verified-lines"), "the verification page shows a result before any job made one")
    screenshot(driver, f"{name}-verify-absent")
    axe_check(driver, "the verification page before its job")
    submit(driver, driver.find_element(By.ID, "start-verification"))
    check("/app/jobs/" in driver.current_url, f"the verification's button led to {driver.current_url}, not a job")
    check(job_result(driver, "the verification") == "done", "the verification's job did not end done")
    check_second_slice(driver, "verify", cli, name)
    screenshot(driver, f"{name}-verify-job")
    axe_check(driver, "the verification's job page")
    submit(driver, driver.find_element(By.ID, "back"))
    check(driver.current_url.endswith("/app/runs/2/verify"), f"the verification's job links back to {driver.current_url}")
    check(bool(driver.find_elements(By.ID, "verified-at")), "the verification page does not keep the job's result")
    check_second_slice(driver, "verify", cli, name)


def check_second_slice_csv(client, cli):
    status, headers, body = client.request("/app/methods?format=csv")
    check(status == 200 and headers.get("Content-Type", "").startswith("text/csv"), f"method mix CSV answered {status}")
    for line in body.strip().splitlines()[1:]:
        fields = line.split(",")
        cli_row = cli["methods"][int(fields[1])][fields[2]]
        check(float(fields[4]) == cli_row["kgco2e"], f"method mix CSV {fields[:5]} != report --by method")
    status, _, body = client.request(f"/app/suppliers/{SUPPLIER}?format=csv")
    check(status == 200 and body.startswith("run,period,method,lines,kgco2e"), f"supplier CSV answered {status}")
    status, _, body = client.request("/app/engagement?format=csv")
    rows = dict(line.split(",", 1) for line in body.strip().splitlines()[1:])
    check(float(rows.get("total_kg", "nan")) == cli["kpis"]["total_kg"], "engagement CSV total_kg differs")
    status, _, body = client.request("/app/engagement/requests?format=csv")
    check(status == 200 and len(body.strip().splitlines()) == len(cli["requests"]) + 1, "requests CSV rows differ")
    status, _, body = client.request("/app/runs/diff?before=1&after=2&format=csv")
    total = [line for line in body.splitlines() if line.startswith("attribution,total,")]
    check(total and Decimal(total[0].split(",")[4]) == Decimal(str(cli["diff"]["attribution"]["total"]["delta_kgco2e"])), "diff CSV total differs")
    for part, count in (("footprints", len(cli["footprints"])), ("clients", len(cli["clients"])), ("partners", len(cli["partners"]))):
        status, _, body = client.request(f"/app/pact?format=csv&part={part}")
        check(status == 200 and len(body.strip().splitlines()) == count + 1, f"PACT {part} CSV rows differ")


def check_erp_upload(driver, binary, db, directory):
    """An ERP export with its mapping: a bad export lists its bad rows by line and column and stores nothing; a corrected one replaces the import."""
    erp = os.path.join(ROOT, "examples", "erp", "nordic")
    with open(os.path.join(erp, "hovedbok_2024.csv"), "rb") as f:
        lines = f.read().split(b"\n")
    bad = list(lines)
    bad[2] = bad[2].replace(b"19.09.2024", b"31.02.2024", 1)
    bad[4] = bad[4].replace(b";NOK", b";NOKK", 1)
    corrected = list(lines)
    corrected[1] = corrected[1].replace(b"5 953,68", b"5 954,68", 1)
    for label, content in (("bad", bad), ("corrected", corrected)):
        os.makedirs(os.path.join(directory, label), exist_ok=True)
        with open(os.path.join(directory, label, "hovedbok_2024.csv"), "wb") as f:
            f.write(b"\n".join(content))
    before = json.loads(run(binary, "imports", "--json", "--db", db))
    driver.get(driver.current_url.split("/app/")[0] + "/app/imports")
    driver.find_element(By.CSS_SELECTOR, "#kind option[value='purchases']").click()
    driver.find_element(By.ID, "file").send_keys(os.path.join(directory, "bad", "hovedbok_2024.csv"))
    driver.find_element(By.ID, "mapping").send_keys(os.path.join(erp, "mapping.json") + "\n" + os.path.join(erp, "travel-accounts.csv"))
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.upload button"))
    # The upload runs as a job, as any upload does: its page ends with the problems.
    check("/app/jobs/" in driver.current_url, f"the ERP upload did not lead to its job page: {driver.current_url}")
    check(job_result(driver, "the bad ERP upload") == "failed", "the bad ERP upload's job did not fail")
    problems = [[c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")] for r in driver.find_elements(By.CSS_SELECTOR, "#problems tbody tr")]
    check(sorted(p[1] for p in problems) == ["3", "5"], f"the bad ERP export's problems: {problems}")
    check(all(p[2] for p in problems) and all(p[0] == "hovedbok_2024.csv" for p in problems), f"an ERP problem without its column or file: {problems}")
    screenshot(driver, "ann-en-imports-erp-rejected")
    axe_check(driver, "imports with ERP problems")
    check(json.loads(run(binary, "imports", "--json", "--db", db)) == before, "a rejected ERP upload changed the imports")
    old = [r for r in before if r["fileName"] == "hovedbok_2024.csv" and r["status"] == "active"]
    check(len(old) == 1, f"the example's ERP import: {old}")
    driver.get(driver.current_url.split("/app/")[0] + "/app/imports")
    driver.find_element(By.CSS_SELECTOR, "#kind option[value='purchases']").click()
    driver.find_element(By.ID, "file").send_keys(os.path.join(directory, "corrected", "hovedbok_2024.csv"))
    driver.find_element(By.ID, "mapping").send_keys(os.path.join(erp, "mapping.json") + "\n" + os.path.join(erp, "travel-accounts.csv"))
    driver.find_element(By.CSS_SELECTOR, f"#replace option[value='{old[0]['id']}']").click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form.upload button"))
    check(job_result(driver, "the corrected ERP upload") == "done", "the corrected ERP upload's job did not end done")
    result = driver.find_element(By.ID, "result").text
    check("Imported as" in result and f"#{old[0]['id']}" in result, f"the corrected ERP upload: {result}")
    after = json.loads(run(binary, "imports", "--json", "--db", db))
    check(len(after) == len(before) + 1 and after[-1].get("replaces") == old[0]["id"] and after[-1]["fileName"] == "hovedbok_2024.csv", f"the corrected ERP export is not stored as replacing the old one: {after[-1]}")


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "footprint"))
    if not os.path.exists(binary):
        raise SystemExit(f"no footprint binary at {binary}: run 'swift build' first")
    directory = tempfile.mkdtemp(prefix="fp-web-")
    server = None
    driver = None
    try:
        started = time.time()
        db, users = build_workspace(binary, directory)
        # 2023 first, then 2024 (the latest run, which the overview shows): the method mix has two periods, the diff two runs.
        run(binary, "calculate", "--db", db, "--period", "2023")
        calculated = json.loads(run(binary, "calculate", "--db", db, "--period", "2024", "--json"))
        # CUST-001's API client and its service footprints over PACT, which its statement page lists.
        run(binary, "pact", "clients", "add", CUSTOMER, "--db", db)
        run(binary, "customers", "publish", "--period", "2024", "--db", db)
        corporate = json.loads(run(binary, "report", "--db", db, "--corporate", "--format", "json"))
        statement = json.loads(run(binary, "customers", "statement", CUSTOMER, "--format", "json", "--db", db), parse_float=Decimal, parse_int=Decimal)
        suppliers = {s["id"]: s.get("emissions_kg") for s in json.loads(run(binary, "suppliers", "list", "--json", "--db", db))}
        runs = json.loads(run(binary, "runs", "list", "--json", "--db", db))
        cli = cli_figures(binary, db, runs)
        print(f"web tests: workspace built in {time.time() - started:.1f} s", flush=True)
        server, base = start_server(binary, db, directory)
        client = Client(base)

        # Security headers and cookies, on the sign-in page and after signing in.
        status, headers, body = client.request("/app/login")
        check(status == 200, f"GET /app/login answered {status}")
        csp = headers.get("Content-Security-Policy", "")
        for part in ("default-src 'none'", "style-src 'self'", "form-action 'self'", "frame-ancestors 'none'"):
            check(part in csp, f"the CSP lacks {part}: {csp}")
        check("script-src" not in csp and "unsafe-inline" not in csp, f"the CSP allows scripts: {csp}")
        check(headers.get("X-Content-Type-Options") == "nosniff", "X-Content-Type-Options is not nosniff")
        check(headers.get("Referrer-Policy") == "no-referrer", "no Referrer-Policy")
        check("max-age=" in headers.get("Strict-Transport-Security", ""), "no Strict-Transport-Security")
        check("<script" not in body and "style=" not in body, "the sign-in page has inline script or style")
        status, headers, _ = client.request("/")
        check(status in (302, 303) and headers.get("Location") == "/app/", f"/ does not redirect to /app/ ({status}, {headers.get('Location')})")
        status, _, _ = client.request("/app/overview")
        check(status == 303, f"/app/overview without a session answered {status}, not a redirect to sign in")

        # CSRF: the sign-in form and every form after it need the token.
        status, _, _ = client.request("/app/login", {"name": "ada", "password": PASSWORD})
        check(status == 403, f"POST /app/login without a CSRF token answered {status}")
        status, headers, _ = client.login("ada", PASSWORD)
        check(status == 303, f"signing in as ada answered {status}")
        cookie = [c for c in client.cookies if c.name == "__Host-footprint-session"]
        check(cookie and cookie[0].secure and cookie[0].path == "/", "the session cookie is not __Host-, Secure, Path=/")
        set_cookie = headers.get("Set-Cookie", "")
        check("HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie, f"the session cookie lacks HttpOnly or SameSite=Strict: {set_cookie}")
        status, _, _ = client.request("/app/logout", {})
        check(status == 403, f"POST /app/logout without a CSRF token answered {status}")
        status, _, _ = client.request("/app/language", {"language": "nb", "_csrf": "forged"})
        check(status == 403, f"POST /app/language with a forged CSRF token answered {status}")
        status, _, body = client.request("/app/overview")
        check(status == 200, f"the session ended after a refused POST ({status})")
        token = re.search(r'name="_csrf" value="([^"]+)"', body).group(1)
        status, _, _ = client.request("/app/logout", {"_csrf": token})
        check(status == 303, f"POST /app/logout with its token answered {status}")
        status, _, _ = client.request("/app/overview")
        check(status == 303, "the session still works after signing out")

        # Rate limiting: five failures for a name lock it, even with the right password afterwards.
        locked = Client(base)
        for i in range(5):
            status, _, _ = locked.login("locked", "wrong password " + str(i))
            check(status == 401, f"failed sign-in {i + 1} answered {status}")
        status, _, body = locked.login("locked", PASSWORD)
        check(status == 429, f"the sixth sign-in (right password, locked name) answered {status}")
        status, _, _ = Client(base).login("nobody-at-all", PASSWORD)
        check(status == 401, f"an unknown user's sign-in answered {status}")

        driver = browser()
        driver.get(base + "/app/login")
        screenshot(driver, "login")
        axe_check(driver, "sign-in page")
        # A viewer reads the runs but not their lines and hashes.
        viewer = Client(base)
        viewer.login("vera", PASSWORD)
        check(viewer.request("/app/runs")[0] == 200 and viewer.request("/app/runs/1")[0] == 404, "a viewer reaches a run's lines and hashes")
        check(viewer.request("/app/runs/1?format=csv")[0] == 404, "a viewer downloads a run's lines")
        check(viewer.request("/app/runs/1/verify")[0] == 404, "a viewer reaches a run's verification")
        # A viewer reads the diff and may split it; before anyone has, its CSV has no attribution rows.
        check("\nattribution," not in viewer.request("/app/runs/diff?before=1&after=2&format=csv")[2], "the unsplit diff's CSV has attribution rows")
        sign_in(driver, base, "ann")
        split_and_verify(driver, base, cli, "ann")
        auditor = Client(base)
        auditor.login("audun", PASSWORD)
        status, _, body = auditor.request("/app/runs/1?format=csv")
        check(status == 200 and body == run(binary, "runs", "lines", "1", "--db", db), "the auditor's run lines CSV differs from 'runs lines 1'")
        # Each internal role: every page renders; figures equal the CLI's; axe; screenshots in both languages.
        for name in ("ada", "ann", "vera", "audun"):
            sign_in(driver, base, name)
            check(driver.current_url.endswith("/app/overview"), f"{name} landed on {driver.current_url}")
            for language in ("en", "nb"):
                set_language(driver, language)
                check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"{name}: the page is not in {language}")
                pages = [
                    ("overview", "/app/overview"),
                    ("inventory", "/app/inventory"),
                    ("inventory-category-1", "/app/inventory?category=1"),
                    ("inventory-scope-1", "/app/inventory?scope=1"),
                    ("inventory-scope-2", "/app/inventory?scope=2"),
                    ("customers", "/app/customers"),
                    ("statement", f"/app/customers/{CUSTOMER}"),
                    ("suppliers", "/app/suppliers"),
                    ("runs", "/app/runs"),
                ]
                pages += [
                    ("methods", "/app/methods"),
                    ("supplier", f"/app/suppliers/{SUPPLIER}"),
                    ("engagement", "/app/engagement"),
                    ("requests", "/app/engagement/requests"),
                    ("diff", "/app/runs/diff?before=1&after=2"),
                    ("pact", "/app/pact"),
                ]
                if name != "vera":
                    pages.append(("run", "/app/runs/1"))
                    pages.append(("verify", "/app/runs/2/verify"))
                for label, path in pages:
                    driver.get(base + path)
                    check("Not found" not in driver.title and "Ikke funnet" not in driver.title, f"{name}: {path} did not render ({driver.title})")
                    if label == "overview":
                        figures = headline(driver)
                        for key in ("scope1_kgco2e", "scope2_location_based_kgco2e", "scope2_market_based_kgco2e", "scope3_kgco2e", "supplier_data_share"):
                            check(key in figures, f"overview lacks {key}")
                            if key in figures:
                                check(float(figures[key][0]) == calculated[key], f"overview {key} {figures[key][0]} != calculate --json {calculated[key]}")
                                check(float(figures[key][0]) == corporate[key], f"overview {key} {figures[key][0]} != report --corporate {corporate[key]}")
                        for key in ("scope3_share_market_based", "scope3_share_location_based", "total_market_based_kgco2e", "total_location_based_kgco2e"):
                            check(key in figures and float(figures[key][0]) == calculated["corporate"][key], f"overview {key} differs from calculate --json")
                        if language == "en":
                            for key in ("scope1_kgco2e", "scope3_kgco2e"):
                                check(figures[key][1] == tonnes_en(calculated[key]), f"overview shows {key} as {figures[key][1]}, not {tonnes_en(calculated[key])}")
                        check(len(driver.find_elements(By.CSS_SELECTOR, "figure.chart svg title")) >= 1, "overview has no chart with a title")
                    if label == "inventory-category-1":
                        # Drill down to the largest supplier's lines.
                        link = driver.find_element(By.CSS_SELECTOR, "#suppliers tbody a")
                        total = float(driver.find_element(By.ID, "category-total").get_attribute("data-value"))
                        check(total == calculated["corporate"]["scope3_categories"][0]["kgco2e"], "category 1 total differs from calculate --json")
                        listed = float(driver.find_element(By.CSS_SELECTOR, "#suppliers tbody tr td[data-value]").get_attribute("data-value"))
                        submit(driver, link)
                        check(len(driver.find_elements(By.CSS_SELECTOR, "#lines tbody tr")) > 0, f"{name}: a supplier's lines page shows no lines")
                        # The supplier's total and line count are its lines in category 1 as 'runs lines' gives them,
                        # each to the nearest nano-kilogram as the inventory sums them; so is its row on the category's page.
                        supplier = urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)["supplier"][0]
                        expected = category_lines(binary, db, max(r["id"] for r in runs), supplier, 1)
                        shown = float(driver.find_element(By.ID, "supplier-total").get_attribute("data-value"))
                        count = int(driver.find_element(By.ID, "supplier-lines").get_attribute("data-value"))
                        check(shown == expected[1] == listed and count == expected[0], f"{supplier}: {count} lines {shown} kg on the page, {listed} kg listed; runs lines: {expected}")
                        screenshot(driver, f"{name}-{language}-inventory-lines")
                        axe_check(driver, f"{name} inventory lines ({language})")
                        driver.get(base + path)
                    if label == "inventory-scope-1":
                        values = [float(e.get_attribute("data-value")) for e in driver.find_elements(By.CSS_SELECTOR, "#activity [data-value]")]
                        check(values and abs(sum(values) - calculated["scope1_kgco2e"]) <= 1e-9 * calculated["scope1_kgco2e"], f"Scope 1 lines add up to {sum(values)}, not {calculated['scope1_kgco2e']}")
                    if label == "statement":
                        figures = headline(driver)
                        check(Decimal(figures["kgco2e"][0]) == statement["kgco2e"], f"statement total {figures['kgco2e'][0]} != {statement['kgco2e']}")
                        for scope, value in statement["by_scope"].items():
                            check(Decimal(figures[scope][0]) == value, f"statement {scope} differs")
                    if label == "suppliers":
                        for row in driver.find_elements(By.CSS_SELECTOR, "#suppliers tbody tr"):
                            supplier = row.find_element(By.TAG_NAME, "th").text.split(" · ")[0]
                            value = row.find_element(By.CSS_SELECTOR, "[data-value]").get_attribute("data-value") if row.find_elements(By.CSS_SELECTOR, "[data-value]") else None
                            expected = suppliers.get(supplier)
                            check((value is None and expected is None) or (value is not None and float(value) == expected), f"supplier {supplier}: {value} != suppliers list {expected}")
                        check(len(driver.find_elements(By.CSS_SELECTOR, "#suppliers tbody tr")) == len(suppliers), "the suppliers page does not list every supplier")
                    if label == "runs":
                        values = [float(e.get_attribute("data-value")) for e in driver.find_elements(By.CSS_SELECTOR, "#runs [data-value]")]
                        check(values == [r["total_kgco2e"] for r in runs], f"runs page totals {values} != runs list --json")
                        check(bool(driver.find_elements(By.CSS_SELECTOR, "#runs a[href='/app/runs/1']")) == (name != "vera"), f"{name}: run detail link shown wrongly")
                    if label == "run":
                        hashes = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#inputs code")]
                        check(hashes and all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), f"run inputs without their SHA-256: {hashes[:3]}")
                    check_second_slice(driver, label, cli, name)
                    if name in ("ada", "vera"):
                        screenshot(driver, f"{name}-{language}-{label}")
                    if name == "ada":
                        axe_check(driver, f"{label} ({language})")
            # The CSV downloads answer with the same figures.
            set_language(driver, "en")

        csv_client = Client(base)
        csv_client.login("ann", PASSWORD)
        status, headers, body = csv_client.request("/app/overview?format=csv")
        check(status == 200 and headers.get("Content-Type", "").startswith("text/csv"), f"overview CSV answered {status}")
        rows = dict((line.split(",")[0], line.split(",")[1]) for line in body.strip().splitlines()[1:])
        check(float(rows.get("scope3_kgco2e", "nan")) == calculated["scope3_kgco2e"], "overview CSV scope3 differs")
        status, _, body = csv_client.request(f"/app/customers/{CUSTOMER}?format=csv")
        expected = run(binary, "customers", "statement", CUSTOMER, "--format", "csv", "--language", "en", "--db", db)
        check(body == expected, "the statement CSV differs from 'customers statement --format csv'")
        status, _, body = csv_client.request("/app/inventory?format=csv")
        check(status == 200 and body.startswith("scope,part"), "inventory CSV")
        check_second_slice_csv(csv_client, cli)

        # A customer user: its own statement, nothing else (404), however it asks.
        sign_in(driver, base, "cust")
        check(driver.current_url.endswith(f"/app/customers/{CUSTOMER}"), f"the customer landed on {driver.current_url}")
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a[href]")]
        internal = [h for h in links if "/app/" in h and "/app/customers/" + CUSTOMER not in h and "#main" not in h]
        check(not internal, f"the customer's page links to internal pages: {internal}")
        figures = headline(driver)
        check(Decimal(figures["kgco2e"][0]) == statement["kgco2e"], "the customer's own statement differs")
        check(len(driver.find_elements(By.CSS_SELECTOR, "#service-footprints tbody tr")) == 2, "the customer's service footprints are not listed")
        for language in ("en", "nb"):
            set_language(driver, language)
            screenshot(driver, f"cust-{language}-statement")
            axe_check(driver, f"customer statement ({language})")
        customer_client = Client(base)
        customer_client.login("cust", PASSWORD)
        for path in (
            "/app/overview", "/app/inventory", "/app/inventory?category=1", "/app/customers", "/app/customers?format=csv",
            f"/app/customers/{OTHER_CUSTOMER}", f"/app/customers/{OTHER_CUSTOMER}?format=csv", "/app/customers/cust-001",
            "/app/customers/%43UST-002", "/app/runs", "/app/users", "/app/admin", "/app/customers/CUST-001/../CUST-002",
            "/app/methods", "/app/methods?format=csv", f"/app/suppliers/{SUPPLIER}", f"/app/suppliers/{SUPPLIER}?format=csv", "/app/engagement",
            "/app/engagement?format=csv", "/app/engagement/requests", "/app/runs/diff", "/app/runs/diff?before=1&after=2&format=csv",
            "/app/runs/2/verify", "/app/pact", "/app/pact?format=csv&part=clients",
        ):
            status, _, body = customer_client.request(path)
            check(status == 404, f"the customer user got {status} on {path}, not 404")
            check(OTHER_CUSTOMER not in body, f"the customer user saw {OTHER_CUSTOMER} at {path}")
        status, _, _ = customer_client.request(f"/app/customers/{CUSTOMER}")
        check(status == 200, f"the customer user's own statement answered {status}")
        driver.get(base + f"/app/customers/{OTHER_CUSTOMER}")
        check("Not found" in driver.title or "Ikke funnet" in driver.title, "the browser shows another customer's statement to a customer user")
        screenshot(driver, "cust-not-found")

        # Imports: analysts and administrators only; a bad file shows every problem by line and column and stores nothing.
        for client_name in ("vera", "audun", "cust"):
            other = Client(base)
            other.login(client_name, PASSWORD)
            check(other.request("/app/imports")[0] == 404, f"{client_name} reaches the imports page")
        with open(os.path.join(ROOT, "examples", "nordic-it", "purchases.csv")) as f:
            original = f.read().splitlines(keepends=True)
        bad = list(original)
        bad[5] = bad[5].replace(",NOK,", ",NOKK,", 1)
        bad[9] = bad[9].split(",")[0] + ",2024-13-45," + ",".join(bad[9].split(",")[2:])
        corrected = list(original)
        fields = corrected[5].split(",")
        fields[4] = str(Decimal(fields[4]) + 1)
        corrected[5] = ",".join(fields)
        for label, lines in (("bad", bad), ("corrected", corrected)):
            with open(os.path.join(directory, f"purchases-{label}.csv"), "w") as f:
                f.writelines(lines)
        before = json.loads(run(binary, "imports", "--json", "--db", db))
        sign_in(driver, base, "ann")
        driver.get(base + "/app/imports")
        axe_check(driver, "imports")
        driver.find_element(By.CSS_SELECTOR, "#kind option[value='purchases']").click()
        driver.find_element(By.ID, "file").send_keys(os.path.join(directory, "purchases-bad.csv"))
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.upload button"))
        # The upload runs as a job: its page shows the phase and progress until the result.
        check("/app/jobs/" in driver.current_url, f"the upload did not lead to its job page: {driver.current_url}")
        state = job_result(driver, "the bad upload")
        check(state == "failed", f"the bad upload's job ended {state}")
        problems = [[c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")] for r in driver.find_elements(By.CSS_SELECTOR, "#problems tbody tr")]
        check(len(problems) == 2, f"the bad upload shows {len(problems)} problems, not 2: {problems}")
        check(sorted(p[1] for p in problems) == ["10", "6"], f"the problems' lines: {problems}")
        check(all(p[2] for p in problems), f"a problem without its column: {problems}")
        screenshot(driver, "ann-en-imports-rejected")
        axe_check(driver, "imports with problems (job page)")
        check(json.loads(run(binary, "imports", "--json", "--db", db)) == before, "a rejected upload changed the imports")
        canonical = [r for r in before if r["kind"] == "purchases" and r["fileName"] == "purchases.csv" and r["status"] == "active"]
        check(len(canonical) == 1, f"the example's purchases import: {canonical}")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "main a[href='/app/imports']"))
        driver.find_element(By.CSS_SELECTOR, "#kind option[value='purchases']").click()
        driver.find_element(By.ID, "file").send_keys(os.path.join(directory, "purchases-corrected.csv"))
        driver.find_element(By.CSS_SELECTOR, f"#replace option[value='{canonical[0]['id']}']").click()
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.upload button"))
        state = job_result(driver, "the corrected upload")
        check(state == "done", f"the corrected upload's job ended {state}")
        result = driver.find_element(By.ID, "result").text
        check("Imported as" in result and f"#{canonical[0]['id']}" in result, f"the corrected upload: {result}")
        check(driver.find_element(By.ID, "job-progress").get_attribute("value") == "100", "the finished job's progress is not 100")
        screenshot(driver, "ann-en-imports-accepted")
        after = json.loads(run(binary, "imports", "--json", "--db", db))
        check(len(after) == len(before) + 1 and after[-1].get("replaces") == canonical[0]["id"], "the corrected file is not stored as replacing the old one")

        # A calculation started from the runs page: its job ends with the new run, as `runs list` has it.
        runs_before = json.loads(run(binary, "runs", "list", "--json", "--db", db))
        driver.get(base + "/app/runs")
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form.calculate button"))
        check("/app/jobs/" in driver.current_url, f"the calculation did not lead to its job page: {driver.current_url}")
        state = job_result(driver, "the calculation")
        check(state == "done", f"the calculation's job ended {state}")
        runs_after = json.loads(run(binary, "runs", "list", "--json", "--db", db))
        check(len(runs_after) == len(runs_before) + 1, f"the calculation stored {len(runs_after) - len(runs_before)} runs")
        shown = driver.find_element(By.ID, "result")
        check(shown.get_attribute("data-run") == str(runs_after[-1]["id"]), f"the job shows run {shown.get_attribute('data-run')}, runs list {runs_after[-1]}")
        total = driver.find_element(By.ID, "run-total").get_attribute("data-value")
        check(float(total) == runs_after[-1]["total_kgco2e"], f"the job's total {total} != runs list {runs_after[-1]['total_kgco2e']}")
        screenshot(driver, "ann-en-calculation-done")
        axe_check(driver, "calculation (job page)")
        submit(driver, driver.find_element(By.ID, "run-link"))
        check(driver.current_url.endswith(f"/app/runs/{runs_after[-1]['id']}"), f"the run link leads to {driver.current_url}")
        # A viewer has no calculate form, and its POST is refused like any page that is not there.
        other = Client(base)
        other.login("vera", PASSWORD)
        check("/app/calculate" not in other.request("/app/runs")[2], "a viewer sees the calculate form")

        check_erp_upload(driver, binary, db, directory)

        # The PACT API is still there, unchanged, on the same port.
        status, headers, body = client.request("/3/footprints")
        check(status == 401 and json.loads(body).get("code") == "BadRequest", f"GET /3/footprints without a token answered {status} {body}")
        status, _, body = client.request("/.well-known/openid-configuration")
        check(status == 200 and json.loads(body)["token_endpoint"].endswith("/auth/token"), "discovery changed")
    finally:
        if driver:
            driver.quit()
        if server:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(directory, ignore_errors=True)
    if FAILURES:
        print(f"web tests: {len(FAILURES)} failure(s)")
        sys.exit(1)
    print(f"web tests: passed; screenshots in {os.path.relpath(OUTPUT, ROOT)}")


if __name__ == "__main__":
    main()

"""Opens the sandbox's Connect stand-in in headless Chromium and clicks Connect.

Usage: browser_connect.py SANDBOX_BASE USER_TOKEN INTEGRATION
Serves a page that loads SANDBOX_BASE/sdk/index.js, authenticates with the token and opens the
portal for the integration; clicks the Connect button; prints the status the page shows and
whether onSuccess ran, as JSON. Needs Debian's chromium and chromium-driver and PyPI selenium.
"""
import functools
import http.server
import json
import sys
import tempfile
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

base, token, integration = sys.argv[1], sys.argv[2], sys.argv[3]
page = f"""<!doctype html><html><body>
<script src="{base}/sdk/index.js"></script>
<script>
  window.successes = 0;
  paragon.authenticate("sandbox-project", {json.dumps(token)}).then(function () {{
    paragon.connect({json.dumps(integration)}, {{ onSuccess: function () {{ window.successes += 1; }} }});
  }});
</script></body></html>"""
folder = tempfile.mkdtemp()
with open(f"{folder}/index.html", "w") as file:
    file.write(page)
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()

options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(f"http://127.0.0.1:{server.server_address[1]}/index.html")
    button = WebDriverWait(driver, 20).until(
        expected_conditions.element_to_be_clickable((By.ID, "paragon-connect-button")))
    button.click()
    WebDriverWait(driver, 20).until(
        lambda d: d.find_element(By.ID, "paragon-connect-status").text != "")
    print(json.dumps({
        "status": driver.find_element(By.ID, "paragon-connect-status").text,
        "title": driver.find_element(By.CSS_SELECTOR, "#paragon-connect h2").text,
        "successes": driver.execute_script("return window.successes"),
    }))
finally:
    driver.quit()
    server.shutdown()

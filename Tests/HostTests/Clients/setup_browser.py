"""Opens a setup link in headless Chromium, clicks Connect in the Connect Portal and waits.

Usage: setup_browser.py SETUP_LINK
Prints, as JSON, the page's final state (`data-state` of its body), the status line it shows,
the portal's title, and any console errors (Content-Security-Policy violations among them).
Needs Debian's chromium and chromium-driver and PyPI selenium.
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

link = sys.argv[1]
options = webdriver.ChromeOptions()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
try:
    driver.get(link)
    button = WebDriverWait(driver, 30).until(
        expected_conditions.element_to_be_clickable((By.ID, "paragon-connect-button")))
    title = driver.find_element(By.CSS_SELECTOR, "#paragon-connect h2").text
    button.click()
    WebDriverWait(driver, 30).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") in ("connected", "failed"))
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    print(json.dumps({
        "state": driver.find_element(By.TAG_NAME, "body").get_attribute("data-state"),
        "status": driver.find_element(By.ID, "setup-status").text,
        "title": title,
        "errors": errors,
    }))
finally:
    driver.quit()

package io.latchkey.e2e;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Chromium (Debian's chromium + chromedriver), driven the way a person uses the pages. */
final class Browser implements AutoCloseable {

    final WebDriver driver;
    private final WebDriverWait wait;

    Browser() throws Exception {
        File profile = Files.createTempDirectory("lk-chromium").toFile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("latchkey.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile.getAbsolutePath(), "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("latchkey.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        // a page replaced mid-check (a redirect after a form post) is checked again, not an error
        wait.ignoring(StaleElementReferenceException.class);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void type(By by, String text) {
        WebElement e = find(by);
        e.clear();
        e.sendKeys(text);
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void awaitText(String fragment) {
        wait.until(d -> {
            try {
                return d.findElement(By.tagName("body")).getText().contains(fragment);
            } catch (org.openqa.selenium.WebDriverException replacedMidRead) {
                // the page was replaced while being read ("Node … does not belong to the document"): read it again
                return false;
            }
        });
    }

    /** Signs in on the login page the browser is on. */
    void signIn(String username, String password) {
        // a loaded machine now and then loses keystrokes in headless Chromium: when the form comes back, type it once
        // more (a refused sign-in, which some tests expect, comes back twice and is left on the page)
        for (int attempt = 0; attempt < 2; attempt++) {
            type(By.name("username"), username);
            type(By.name("password"), password);
            click(By.cssSelector("form[action='/login'] button[type=submit]"));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                        .until(d -> d.findElements(By.name("password")).isEmpty());
                return;
            } catch (org.openqa.selenium.TimeoutException stillOnTheForm) {
                // type it again
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package vn.edu.lms.web.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * One headless Chromium, driven through Debian's chromedriver: the browser and driver installed by
 * {@code .ci/run} (or {@code LMS_CHROMIUM} and {@code LMS_CHROMEDRIVER}), never a downloaded one.
 * Screenshots go to {@code target/surefire-reports/screenshots/<journey>/}.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "surefire-reports", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final String journey;
    private final Path downloads;
    private int shots;

    public Browser(String base, String journey) throws IOException {
        this.base = base;
        this.journey = journey;
        this.downloads = Files.createTempDirectory("lms-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("LMS_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
            "--lang=vi-VN", "--no-first-run", "--disable-extensions", "--autoplay-policy=no-user-gesture-required", "--mute-audio");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", "vi-VN,vi");
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(executable("LMS_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
            .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
    }

    private static String executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? fallback : configured;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public WebElement find(String css) {
        return until(d -> {
            try {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return until(Duration.ofSeconds(30), condition);
    }

    /** Waits for the condition; on a timeout, the page as it was is saved next to the screenshots, to see why. */
    public <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition);
        } catch (org.openqa.selenium.TimeoutException timedOut) {
            try {
                screenshot("timed-out");
                Files.writeString(SCREENSHOTS.resolve(journey).resolve("timed-out.html"), driver.getPageSource());
            } catch (IOException | RuntimeException ignored) {
                // the timeout is what matters
            }
            throw timedOut;
        }
    }

    /** Waits until the element's text contains {@code text}, and returns its text. */
    public String waitForText(String css, String text) {
        return until(d -> {
            try {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                String shown = found.isEmpty() ? "" : found.get(0).getText();
                return shown.contains(text) ? shown : null;
            } catch (org.openqa.selenium.WebDriverException redrawn) {
                // The page drew it again between finding and reading (stale, or "node does not belong
                // to the document"): look again.
                return null;
            }
        });
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public void signIn(String username, String password) {
        open("/sign-in");
        type("#username", username).type("#password", password).click("#sign-in button[type=submit]");
        until(d -> d.getCurrentUrl().startsWith(base + "/sign-in") ? null : true);
    }

    public void signOut() {
        click(".account summary").click(".account .menu button");
        until(d -> d.getCurrentUrl().contains("/sign-in") ? true : null);
    }

    public void phone() {
        driver.manage().window().setSize(new Dimension(360, 740));
    }

    public void desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Cuts the network (Chromium's own emulation) or brings it back. */
    public void offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        driver.setNetworkConditions(conditions);
    }

    /** Saves the page as it looks now: {@code 01-name.png} under the journey's folder. */
    public Path screenshot(String name) throws IOException {
        Path folder = SCREENSHOTS.resolve(journey);
        Files.createDirectories(folder);
        Path file = folder.resolve(String.format("%02d-%s.png", ++shots, name));
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** What axe-core finds against WCAG 2.1 AA on the page as it is now: one line per rule and element. */
    public List<String> wcagViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> violations = new java.util.ArrayList<>();
        for (Rule rule : results.getViolations()) {
            rule.getNodes().forEach(node -> violations.add(rule.getId() + " (" + rule.getImpact() + "): " + node.getTarget() + " – " + rule.getHelp()));
        }
        return violations;
    }

    /** Waits for a finished download whose name ends with {@code suffix}. */
    public Path download(String suffix) {
        return until(Duration.ofSeconds(60), d -> {
            try (var files = Files.list(downloads)) {
                List<Path> all = files.toList();
                boolean writing = all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
                Path done = all.stream().filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
                return writing || done == null || Files.size(done) == 0 ? null : done;
            } catch (IOException e) {
                return null;
            }
        });
    }

    @Override
    public void close() {
        driver.quit();
    }
}

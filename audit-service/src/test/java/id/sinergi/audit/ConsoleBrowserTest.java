package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliverAs;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.with;
import static id.sinergi.audit.AuditEvents.withActor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.devstack.testing.RealmClients;
import id.sinergi.devstack.testing.SinergiTestResource;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The security team's console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * signed in through the real Keycloak login page of the test realm. Selenium is given the driver and the browser
 * explicitly, so Selenium Manager never looks anything up or downloads. Without Chromium the test is skipped outside
 * CI and fails in CI ({@code CI=true}).
 */
@QuarkusTest
@AuditTestResource
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of(env("SINERGI_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(env("SINERGI_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL root;

    private String base;
    private Path profile;
    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " for the console test: apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(
                present,
                "console browser test skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
                        + " (apt-get install -y chromium chromium-driver); in CI it fails instead");
        base = "http://127.0.0.1:" + root.getPort();
        RealmClients.allowRedirect("security-console", base + "/*");
        profile = Files.createTempDirectory("sinergi-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void auditorSearchesOpensATrailSignsOffAnAlertSeesTheVerificationAndSignsOut() {
        UUID worker = UUID.randomUUID();
        String officer = UUID.randomUUID().toString();
        List<Map<String, Object>> reads =
                List.of(read(worker, officer, 30), read(worker, officer, 20), read(worker, officer, 10));
        deliverAs("identity-service", reads).statusCode(200);
        Map<String, Object> outOfScope = withActor(
                with(
                        with(
                                with(with(event(worker, "case.read"), "service", "case-service"), "outcome", "DENIED"),
                                "reason",
                                "other-mission"),
                        "resourceType",
                        "case"),
                "subject",
                officer);
        deliverAs("case-service", List.of(outOfScope)).statusCode(200);
        String alertId = awaitAlert(officer);

        signIn("security.auditor");
        assertThat(text(By.id("user"))).isEqualTo("security.auditor");

        go(By.linkText("Pencarian (search)"));
        browser.findElement(By.name("workerId")).sendKeys(worker.toString());
        go(By.id("search-submit"));
        assertThat(eventIds()).containsSubsequence(ids(reads));
        assertThat(text(By.id("events"))).contains("melihat data (viewed the data)", "ditolak (refused)");

        browser.get(base + "/console/events?workerId=" + worker + "&limit=2");
        assertThat(eventIds()).containsExactly(ids(reads).get(0), ids(reads).get(1));
        go(By.id("next-page"));
        assertThat(eventIds()).startsWith(ids(reads).get(2));

        go(By.cssSelector("a.trail"));
        assertThat(text(By.id("trail-of"))).isEqualTo(worker.toString());
        assertThat(browser.findElements(By.cssSelector("tr.entry")).stream().map(e -> e.getAttribute("data-event")))
                .contains(ids(reads).get(0), (String) outOfScope.get("id"));
        assertThat(text(By.id("trail"))).contains("Kementerian Luar Negeri", "consul.kl");

        go(By.linkText("Peringatan (alerts)"));
        openAlertFromList(alertId);
        assertThat(text(By.id("alert-rule"))).contains("Upaya akses di luar wilayah tugas perwakilan");
        assertThat(text(By.id("alert-status"))).contains("Terbuka");
        assertThat(text(By.id("triggering"))).contains((String) outOfScope.get("id"));

        assertThat(browser.findElement(By.cssSelector("#review input[name=csrf-token]"))
                        .getAttribute("value"))
                .as("the form carries the CSRF token of its double-submit cookie")
                .isNotBlank();
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelector('#review input[name=csrf-token]').value = 'forged';"
                        + " document.querySelector('#review-outcome').value = 'JUSTIFIED';"
                        + " document.querySelector('#review-note').value = 'forged';"
                        + " document.querySelector('#review').submit();");
        await(() -> browser.getCurrentUrl().endsWith("/console/alert/review"));
        String statusAfterForgery = given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .get("/api/audit-alerts/" + alertId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
        assertThat(statusAfterForgery)
                .as("a sign-off without the form's CSRF token is refused")
                .isEqualTo("OPEN");

        browser.get(base + "/console/alert?id=" + alertId);
        new Select(browser.findElement(By.id("review-outcome"))).selectByValue("VIOLATION");
        // The longest note the form takes, in letters of two bytes each: the sign-off must not trip a size limit.
        String lead = "Asked the mission: no case of theirs. Followed up. ";
        String note = lead + "é".repeat(2000 - lead.length());
        browser.findElement(By.id("review-note")).sendKeys(note);
        go(By.id("review-submit"));
        assertThat(text(By.id("review-finding"))).contains("Pelanggaran (violation)");
        assertThat(text(By.id("review-note-shown"))).isEqualTo(note);
        assertThat(text(By.id("review-by"))).isEqualTo("security.auditor");
        assertThat(text(By.id("alert-status"))).contains("Sudah ditinjau");
        JsonPath signedOff = given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("action", "audit.alert.reviewed")
                .queryParam("workerId", worker.toString())
                .get("/api/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(signedOff.getList("events.findAll { it.resourceId == '" + alertId + "' }.actor.clientId"))
                .as("the console's sign-off is an event of the log, by the auditor through security-console")
                .containsExactly("security-console");

        go(By.linkText("Verifikasi (verification)"));
        assertThat(text(By.id("checkpoint"))).startsWith("audit.sinergi.local/log");
        go(By.id("verify-run"));
        assertThat(text(By.id("verification-status"))).contains("Utuh (intact");
        assertThat(text(By.id("last-verification"))).contains("security.auditor");

        go(By.id("logout"));
        await(() -> !browser.findElements(By.id("signed-out")).isEmpty());
        browser.get(base + "/console/events");
        await(() -> !browser.findElements(By.id("username")).isEmpty());
        assertThat(browser.getCurrentUrl()).as("signed out of Keycloak too").contains("/protocol/openid-connect/auth");
    }

    @Test
    void anOfficerWhoIsNoAuditorGetsTheAccessDeniedPageAndTheRefusalIsInTheLog() {
        signIn("consul.hk");

        assertThat(text(By.id("error"))).contains("security-auditor");
        assertThat(browser.getTitle()).contains("Akses ditolak (Access denied)");
        assertThat(browser.findElements(By.id("events"))).isEmpty();
        List<Map<String, Object>> refusals = AuditEvents.query(
                        Map.of("actor", "consul.hk", "action", "operation.forbidden", "outcome", "DENIED"))
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("events");
        assertThat(refusals)
                .extracting(e -> String.valueOf(e.get("resourceId")))
                .anyMatch(operation -> operation.startsWith("GET /console"));
    }

    @Test
    void badInputGivesAnErrorPageNamingTheField() {
        signIn("security.auditor");

        browser.get(base + "/console/worker?workerId=not-a-worker");

        assertThat(text(By.id("field-errors"))).contains("workerId: must be a UUID");
        browser.get(base + "/console/events?outcome=MAYBE");
        assertThat(text(By.id("field-errors"))).contains("outcome: must be one of SUCCESS, DENIED, FAILED");
        browser.get(base + "/console/alert?id=" + UUID.randomUUID());
        assertThat(text(By.id("error"))).isNotBlank();
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("outcome", "MAYBE")
                .get("/api/audit-events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void pagesCarryTheSecurityHeadersAndStrangersAreSentToKeycloakWithPkce() {
        Response signedOut = given().redirects().follow(false).get("/console/signed-out");
        Response stranger = given().redirects().follow(false).get("/console/events");

        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.header("Content-Security-Policy"))
                .contains("default-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(signedOut.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(signedOut.header("Cache-Control")).isEqualTo("no-store");
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(stranger.header("Location"))
                .startsWith(SinergiTestResource.realmUrl() + "/protocol/openid-connect/auth")
                .contains("client_id=security-console", "code_challenge_method=S256");
        assertThat(stranger.header("Cache-Control")).isEqualTo("no-store");
    }

    private void signIn(String username) {
        browser.get(base + "/console");
        await(() -> !browser.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("sinergi-local");
        go(By.id("kc-login"));
        // Keycloak sends the browser to /console?code=…&state=…, and the console then to the same page without
        // them: signed in is when that second page has loaded.
        await(() -> browser.getCurrentUrl().startsWith(base + "/console")
                && !browser.getCurrentUrl().contains("code="));
        loaded();
    }

    private void openAlertFromList(String alertId) {
        By row = By.cssSelector("tr[data-alert='" + alertId + "'] a.open-alert");
        while (browser.findElements(row).isEmpty()) {
            go(By.id("next-page"));
        }
        go(row);
    }

    /**
     * Clicks what navigates to another page and waits until the page it was on is gone, so that what the test reads
     * next comes from the new page (a click returns before a form's answer has replaced the page). The old page is
     * marked by a script variable, which no new page has: asking the old page's elements whether they are stale can
     * itself fail while Chromium swaps the documents.
     */
    private void go(By by) {
        ((JavascriptExecutor) browser).executeScript("window.sinergiLeaving = true;");
        browser.findElement(by).click();
        new WebDriverWait(browser, WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                        .executeScript("return window.sinergiLeaving === undefined"
                                + " && document.readyState === 'complete';")));
    }

    /** Waits until the page the browser is on has loaded completely (a redirect's target included). */
    private void loaded() {
        new WebDriverWait(browser, WAIT).ignoring(WebDriverException.class).until(d -> "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private List<String> eventIds() {
        return browser.findElements(By.cssSelector("#events tr.event")).stream()
                .map(e -> e.getAttribute("data-event"))
                .toList();
    }

    private String text(By by) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
        WebElement element = browser.findElement(by);
        return element.getText().strip();
    }

    private void await(Supplier<Boolean> condition) {
        new WebDriverWait(browser, WAIT)
                .withMessage(() -> "the browser is at " + browser.getCurrentUrl() + ", showing: "
                        + browser.findElement(By.tagName("body")).getText())
                .until(d -> condition.get());
    }

    private static Map<String, Object> read(UUID worker, String officer, int secondsAgo) {
        return withActor(
                with(
                        event(worker, "worker.read"),
                        "occurredAt",
                        Instant.now().minusSeconds(secondsAgo).toString()),
                "subject",
                officer);
    }

    private static List<String> ids(List<Map<String, Object>> events) {
        return events.stream().map(e -> (String) e.get("id")).toList();
    }

    /** The out-of-scope alert about the officer, once the scanner raised it. */
    private static String awaitAlert(String officer) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            List<String> found = given().auth()
                    .oauth2(Tokens.user("security.auditor"))
                    .queryParam("actor", officer)
                    .queryParam("rule", "out-of-scope")
                    .get("/api/audit-alerts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("alerts.id");
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no out-of-scope alert for " + officer + " in " + WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

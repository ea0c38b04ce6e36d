package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code latchkey} CLI (cli/target/latchkey-cli.jar) as a real child process against the platform: device login
 * approved in a real Chromium, API calls, refresh after expiry, concurrent refreshes, logout (RFC 7009).
 */
class CliE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER_CODE = Pattern.compile("^([BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4})$");
    private static final Pattern URI = Pattern.compile("^(https?://\\S+/device)$");

    static Platform platform;
    static Path jar;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        jar = Path.of(System.getProperty("latchkey.root", "..")).toAbsolutePath().normalize()
                .resolve("cli/target/latchkey-cli.jar");
        // like the services, the CLI is packaged before this module (root pom module order); with -pl, list cli too
        assertTrue(Files.exists(jar) && Files.isDirectory(jar.resolveSibling("lib")),
                "package the CLI first (./mvnw package -pl cli): " + jar);
    }

    /** A finished CLI run. */
    record Run(int exit, String out, String err) {
    }

    /** A started CLI process whose output is collected line by line. */
    static final class Cli {
        final Process process;
        final List<String> out = java.util.Collections.synchronizedList(new ArrayList<>());
        final StringBuilder err = new StringBuilder();
        private final CompletableFuture<Void> outDone;
        private final CompletableFuture<Void> errDone;

        Cli(Path config, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xmx64m", "-jar", jar.toString()));
            cmd.addAll(List.of(args));
            if (args.length > 0 && !args[0].startsWith("-")) {
                cmd.addAll(List.of("--issuer", platform.baseUrl()));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("LATCHKEY_CONFIG_DIR", config.toString());
            // no display: the CLI must not try to open a browser here
            pb.environment().remove("DISPLAY");
            pb.environment().remove("WAYLAND_DISPLAY");
            process = pb.start();
            process.getOutputStream().close();
            outDone = CompletableFuture.runAsync(() -> readLines(new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), out::add));
            errDone = CompletableFuture.runAsync(() -> readLines(new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), l -> {
                        synchronized (err) {
                            err.append(l).append('\n');
                        }
                    }));
        }

        String awaitLine(Pattern p) throws Exception {
            long until = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < until) {
                synchronized (out) {
                    for (String l : out) {
                        Matcher m = p.matcher(l.trim());
                        if (m.matches()) {
                            return m.group(1);
                        }
                    }
                }
                if (!process.isAlive() && outDone.isDone()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no line matching " + p + " in " + out + " / " + err);
        }

        Run await(long seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TimeoutException("the CLI did not exit within " + seconds + " s: " + out + " / " + err);
            }
            outDone.get(5, TimeUnit.SECONDS);
            errDone.get(5, TimeUnit.SECONDS);
            synchronized (out) {
                return new Run(process.exitValue(), String.join("\n", out), err.toString());
            }
        }

        private static void readLines(BufferedReader r, java.util.function.Consumer<String> sink) {
            try (r) {
                for (String l; (l = r.readLine()) != null; ) {
                    sink.accept(l);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }
    }

    static Run run(Path config, String... args) throws Exception {
        return new Cli(config, args).await(60);
    }

    static Path credentialsFile(Path config) throws IOException {
        try (Stream<Path> files = Files.list(config)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
        }
    }

    static JsonNode credentials(Path config) throws IOException {
        return JSON.readTree(credentialsFile(config).toFile());
    }

    /** The access token's expiry, as the CLI sees it, moved into the past (as if its 10 minutes had gone by). */
    static void expireAccessToken(Path config) throws IOException {
        ObjectNode c = (ObjectNode) credentials(config);
        c.put("expires_at", Instant.now().minusSeconds(5).toString());
        Files.writeString(credentialsFile(config), JSON.writeValueAsString(c));
    }

    /** login --no-browser, with the user's part done in Chromium from the printed verification URI and code. */
    static Run login(Path config, boolean approve) throws Exception {
        Cli cli = new Cli(config, "login", "--no-browser");
        String uri = cli.awaitLine(URI);
        String code = cli.awaitLine(USER_CODE);
        try (Browser browser = new Browser()) {
            if (approve) {
                DeviceFlowE2ETest.approveInBrowser(browser, uri, code);
            } else {
                browser.open(uri);
                browser.signIn(Platform.DEMO_USER, Platform.DEMO_PASSWORD);
                browser.type(By.name("user_code"), code);
                browser.click(By.cssSelector("form[action='/device'] button[type=submit]"));
                browser.awaitText("Latchkey CLI");
                browser.click(By.cssSelector("button[name=decision][value=deny]"));
                // the deny is recorded once its page is shown: closing the browser before that hangs the POST up
                // mid-way (Quarkus REST cancels a request's pipeline on disconnect), and the CLI would poll on
                browser.awaitText("Request denied");
            }
        }
        return cli.await(60);
    }

    @Test
    void loginApiTokenRefreshConcurrentTokensAndLogout() throws Exception {
        Path config = Files.createTempDirectory("lk-cli-e2e");

        Run login = login(config, true);
        assertEquals(0, login.exit(), login.out() + login.err());
        Path file = credentialsFile(config);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        JsonNode first = credentials(config);
        assertFalse(login.out().contains(first.get("refresh_token").asText()), "login never prints a token");

        Run me = run(config, "api", "/api/v1/me");
        assertEquals(0, me.exit(), me.err());
        assertTrue(me.out().contains(Platform.DEMO_USER), me.out());

        Run status = run(config, "status", "--json");
        assertEquals(0, status.exit(), status.err());
        JsonNode s = JSON.readTree(status.out());
        assertEquals(Platform.DEMO_USER, s.get("user").get("email").asText());
        assertEquals("latchkey-cli", s.get("client_id").asText());

        // token while valid: the stored one, no refresh
        Run valid = run(config, "token");
        assertEquals(first.get("access_token").asText(), valid.out().trim());

        // token after expiry: refreshed first, the refresh token rotated
        expireAccessToken(config);
        Run refreshed = run(config, "token");
        assertEquals(0, refreshed.exit(), refreshed.err());
        JsonNode second = credentials(config);
        assertNotEquals(first.get("access_token").asText(), refreshed.out().trim());
        assertEquals(second.get("access_token").asText(), refreshed.out().trim());
        assertNotEquals(first.get("refresh_token").asText(), second.get("refresh_token").asText());
        given().header("Authorization", "Bearer " + refreshed.out().trim()).get(platform.baseUrl() + "/api/v1/me")
                .then().statusCode(200);

        // two concurrent token calls after expiry: both succeed, and the family lives (no reuse detected)
        expireAccessToken(config);
        Cli a = new Cli(config, "token");
        Cli b = new Cli(config, "token");
        Run ra = a.await(60);
        Run rb = b.await(60);
        assertEquals(0, ra.exit(), ra.err());
        assertEquals(0, rb.exit(), rb.err());
        assertEquals(ra.out().trim(), rb.out().trim(), "the second waited for the lock and took the first one's token");
        expireAccessToken(config);
        Run afterRace = run(config, "token");
        assertEquals(0, afterRace.exit(), "the family is alive: its refresh token still refreshes: " + afterRace.err());
        Run meAgain = run(config, "api", "/api/v1/me");
        assertEquals(0, meAgain.exit(), meAgain.err());

        // logout: RFC 7009 revocation, credentials gone, the old refresh token answers invalid_grant
        String lastRefresh = credentials(config).get("refresh_token").asText();
        Run logout = run(config, "logout");
        assertEquals(0, logout.exit(), logout.err());
        assertFalse(Files.exists(file));
        given().formParam("grant_type", "refresh_token").formParam("client_id", Platform.CLI)
                .formParam("refresh_token", lastRefresh).post(platform.baseUrl() + "/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        assertEquals(3, run(config, "token").exit(), "not logged in any more");
    }

    @Test
    void aDenialInTheBrowserEndsTheLoginWithExitFour() throws Exception {
        Path config = Files.createTempDirectory("lk-cli-e2e");
        Run login = login(config, false);
        assertEquals(4, login.exit(), login.out() + login.err());
        assertTrue(login.err().contains("Access denied"), login.err());
        try (Stream<Path> files = Files.list(config)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".json")), "nothing stored");
        }
    }

    @Test
    void helpWorksAndAnUnknownCommandIsAUsageError() throws Exception {
        Path config = Files.createTempDirectory("lk-cli-e2e");
        Run help = run(config, "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Exit codes"), help.out());
        assertNotNull(help.out());
        assertEquals(2, run(config, "--frobnicate").exit());
    }
}

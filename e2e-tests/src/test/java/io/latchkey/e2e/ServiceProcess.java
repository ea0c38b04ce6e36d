package io.latchkey.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged Latchkey service, run as its own JVM exactly as the run script runs it. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    /** Its management interface (Prometheus /q/metrics), a free port of its own. */
    final int managementPort;
    private final Path jar;
    private final Map<String, String> env;
    private final List<String> properties;
    private final Path log;
    private Process process;
    /** JVM options before the properties; run.sh gives each service its own heap. */
    private List<String> jvmOptions = List.of("-Xmx160m");

    ServiceProcess(String name, int port, Path root, Map<String, String> env, List<String> properties, Path logDir) {
        this(name, name, port, root, env, properties, logDir);
    }

    /** A replica: {@code name} tells its log apart, {@code module} is the service it runs. */
    ServiceProcess(String name, String module, int port, Path root, Map<String, String> env, List<String> properties,
                   Path logDir) {
        this.name = name;
        this.port = port;
        this.managementPort = Platform.freePort();
        this.jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.env = env;
        this.properties = properties;
        this.log = logDir.resolve(name + ".log");
    }

    /** Replaces the JVM options (default -Xmx160m), e.g. with run.sh's heap for this service. */
    ServiceProcess jvm(String... options) {
        this.jvmOptions = List.of(options);
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface's base URL: {@code /q/metrics} lives there, never on {@link #url()}. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    void start() throws IOException {
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.management.port=" + managementPort);
        cmd.addAll(properties);
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        process = pb.start();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (readiness() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: Quarkus shuts down gracefully
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    File logFile() {
        return log.toFile();
    }
}

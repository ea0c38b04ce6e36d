package io.latchkey.consent.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable device name from a User-Agent and, for the device flow, what the device reported about itself:
 * "Chrome on macOS", "latchkey CLI on laptop-7 (Linux)", "curl 7.88". Pure and bounded: it reads at most the
 * first {@value #MAX_READ} characters of a User-Agent, and what it returns is printable and at most
 * {@value #MAX_NAME} characters long, whatever it is given.
 */
public final class DeviceNames {

    /** What is shown when nothing readable is known. */
    public static final String UNKNOWN = "Unknown device";

    static final int MAX_READ = 512;
    static final int MAX_NAME = 80;
    private static final int MAX_DEVICE_NAME = 64;

    /** The CLI's User-Agent (contract item 6): latchkey-cli/<version> (<os name>; <hostname>). */
    private static final Pattern CLI = Pattern.compile(
            "^latchkey-cli/([0-9A-Za-z.+-]{1,32})(?:\\s*\\(([^;()]{1,64});\\s*([^;()]{1,64})\\))?");
    private static final Pattern CURL = Pattern.compile("^curl/([0-9]{1,4})(?:\\.([0-9]{1,4}))?");
    /** The first product token of a User-Agent (RFC 9110 §10.1.5): product [/ version]. */
    private static final Pattern PRODUCT = Pattern.compile("^([A-Za-z][A-Za-z0-9._-]{0,39})(?:/([0-9][0-9A-Za-z.]{0,15}))?");

    private record Browser(String name, Pattern token) {
    }

    private record Os(String name, Pattern token) {
    }

    /** Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari". */
    private static final List<Browser> BROWSERS = List.of(
            new Browser("Edge", Pattern.compile("\\bEdg(?:e|A|iOS)?/")),
            new Browser("Opera", Pattern.compile("\\b(?:OPR|Opera)/")),
            new Browser("Samsung Internet", Pattern.compile("\\bSamsungBrowser/")),
            new Browser("Firefox", Pattern.compile("\\b(?:Firefox|FxiOS)/")),
            new Browser("Chrome", Pattern.compile("\\b(?:HeadlessChrome|Chrome|CriOS|Chromium)/")),
            new Browser("Safari", Pattern.compile("\\bVersion/[0-9.]+.*\\bSafari/")));

    /** Order matters: iOS says "like Mac OS X", Android says "Linux", ChromeOS says "X11". */
    private static final List<Os> SYSTEMS = List.of(
            new Os("Windows", Pattern.compile("\\bWindows\\b")),
            new Os("iOS", Pattern.compile("\\b(?:iPhone|iPad|iPod)\\b")),
            new Os("Android", Pattern.compile("\\bAndroid\\b")),
            new Os("ChromeOS", Pattern.compile("\\bCrOS\\b")),
            new Os("macOS", Pattern.compile("\\b(?:Macintosh|Mac OS X)\\b")),
            new Os("Linux", Pattern.compile("\\bLinux\\b")));

    private DeviceNames() {
    }

    /** The readable name: the reported device name wins when there is one, else what the User-Agent says. */
    public static String of(String userAgent, String deviceName) {
        String reported = clean(deviceName, MAX_DEVICE_NAME);
        String ua = userAgent == null ? "" : clean(userAgent.length() > MAX_READ
                ? userAgent.substring(0, MAX_READ) : userAgent, MAX_READ);
        Matcher cli = CLI.matcher(ua);
        if (cli.find()) {
            String host = reported.isEmpty() ? clean(cli.group(3), MAX_DEVICE_NAME) : reported;
            String os = clean(cli.group(2), 32);
            if (host.isEmpty()) {
                return os.isEmpty() ? "latchkey CLI" : bounded("latchkey CLI (" + os + ")");
            }
            return bounded("latchkey CLI on " + host + (os.isEmpty() ? "" : " (" + os + ")"));
        }
        if (!reported.isEmpty()) {
            return reported;
        }
        return fromUserAgent(ua);
    }

    private static String fromUserAgent(String ua) {
        if (ua.isEmpty()) {
            return UNKNOWN;
        }
        Matcher curl = CURL.matcher(ua);
        if (curl.find()) {
            return "curl " + curl.group(1) + (curl.group(2) == null ? "" : "." + curl.group(2));
        }
        String browser = first(BROWSERS.stream().filter(b -> b.token().matcher(ua).find()).map(Browser::name).toList());
        String system = first(SYSTEMS.stream().filter(s -> s.token().matcher(ua).find()).map(Os::name).toList());
        if (browser != null) {
            return system == null ? browser : browser + " on " + system;
        }
        if (ua.startsWith("Mozilla/")) {
            return system == null ? "Web browser" : "Web browser on " + system;
        }
        Matcher product = PRODUCT.matcher(ua);
        if (product.find()) {
            return product.group(2) == null ? product.group(1) : product.group(1) + " " + product.group(2);
        }
        return UNKNOWN;
    }

    private static String first(List<String> names) {
        return names.isEmpty() ? null : names.get(0);
    }

    /** Control and other non-printable characters become spaces, runs of spaces one, trimmed and cut to max. */
    private static String clean(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        boolean space = false;
        for (int i = 0; i < s.length() && b.length() < max; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean printable = !Character.isISOControl(cp) && Character.isDefined(cp)
                    && Character.getType(cp) != Character.FORMAT && Character.getType(cp) != Character.SURROGATE
                    && Character.getType(cp) != Character.PRIVATE_USE && Character.getType(cp) != Character.LINE_SEPARATOR
                    && Character.getType(cp) != Character.PARAGRAPH_SEPARATOR;
            if (!printable || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            if (b.length() + Character.charCount(cp) > max) {
                break;
            }
            b.appendCodePoint(cp);
        }
        return b.toString().trim();
    }

    private static String bounded(String s) {
        if (s.length() <= MAX_NAME) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_NAME - 1)) ? MAX_NAME - 1 : MAX_NAME;
        return s.substring(0, end).trim();
    }
}

package io.latchkey.gateway.edge;

import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;

/**
 * The peers (IP addresses or CIDR blocks) allowed to tell the gateway who the client is. Configured as literals
 * only: nothing here ever resolves a host name.
 */
public final class TrustedProxies {

    private final Block[] blocks;

    private TrustedProxies(Block[] blocks) {
        this.blocks = blocks;
    }

    /** Parses entries such as {@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code ::1} or {@code fd00::/8}. */
    public static TrustedProxies of(List<String> entries) {
        List<Block> parsed = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (!entry.isEmpty()) {
                parsed.add(Block.parse(entry));
            }
        }
        return new TrustedProxies(parsed.toArray(new Block[0]));
    }

    public boolean isEmpty() {
        return blocks.length == 0;
    }

    /** True when {@code ip} (a literal address as reported by the socket) lies in one of the blocks. */
    public boolean contains(String ip) {
        if (blocks.length == 0 || ip == null) {
            return false;
        }
        byte[] address = literal(ip);
        if (address == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code ip} is an IPv4 or IPv6 literal (never resolves a name). */
    public static boolean isAddress(String ip) {
        return ip != null && literal(ip) != null;
    }

    private static byte[] literal(String ip) {
        if (!isIpLiteral(ip)) {
            return null;
        }
        // strict literal parsing (Netty): InetAddress.getByName would fall back to a DNS lookup for anything else,
        // and X-Forwarded-For entries are client input read on the event loop
        return NetUtil.createByteArrayFromIpAddressString(ip);
    }

    private static boolean isIpLiteral(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == '.' || c == ':' || c == '%';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private record Block(byte[] network, int prefixBits) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String ip = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = literal(ip);
            if (network == null) {
                throw new IllegalArgumentException("latchkey.gateway.trusted-proxies: not an IP address or CIDR: " + entry);
            }
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("latchkey.gateway.trusted-proxies: bad prefix length: " + entry);
                }
            }
            return new Block(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}

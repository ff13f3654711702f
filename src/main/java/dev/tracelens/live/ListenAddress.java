package dev.tracelens.live;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One address the syslog receiver listens on: {@code udp://HOST:PORT} or {@code tcp://HOST:PORT}
 * (IPv6 hosts in brackets). Port 0 takes a free port (tests).
 */
public record ListenAddress(Protocol protocol, String host, int port) {

    /** How syslog arrives. */
    public enum Protocol { UDP, TCP }

    public ListenAddress {
        java.util.Objects.requireNonNull(protocol, "protocol");
        java.util.Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("no host in the address");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
    }

    /** Comma-separated addresses, e.g. {@code udp://127.0.0.1:5514,tcp://127.0.0.1:5514}. */
    public static List<ListenAddress> parseList(String text) {
        List<ListenAddress> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part.strip()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no address given (e.g. udp://127.0.0.1:5514)");
        }
        return List.copyOf(out);
    }

    /** {@code udp://HOST:PORT} or {@code tcp://HOST:PORT}. */
    public static ListenAddress parse(String text) {
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not an address like udp://127.0.0.1:5514");
        }
        Protocol protocol = switch (text.substring(0, scheme).toLowerCase(Locale.ROOT)) {
            case "udp" -> Protocol.UDP;
            case "tcp" -> Protocol.TCP;
            default -> throw new IllegalArgumentException("\"" + text + "\": the protocol must be udp or tcp");
        };
        String rest = text.substring(scheme + 3);
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new IllegalArgumentException("\"" + text + "\" names no port (e.g. udp://127.0.0.1:5514)");
        }
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(rest.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\": the port is not a number");
        }
        return new ListenAddress(protocol, host, port);
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return protocol.name().toLowerCase(Locale.ROOT) + "://" + h + ":" + port;
    }
}

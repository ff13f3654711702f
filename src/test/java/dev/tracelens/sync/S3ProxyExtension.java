package dev.tracelens.sync;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives tests an {@link S3ProxyServer} parameter. One server is started per test run (it takes
 * about a second) and kept in the root store, which closes it when the run ends. Tests isolate
 * themselves with their own bucket names.
 */
public final class S3ProxyExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(S3ProxyExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return p.getParameter().getType() == S3ProxyServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        return ctx.getRoot().getStore(NS).getOrComputeIfAbsent(S3ProxyServer.class, k -> {
            try {
                Path dir = Files.createTempDirectory("tracelens-s3proxy");
                return S3ProxyServer.start("transient", dir, "512m");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, S3ProxyServer.class);
    }
}

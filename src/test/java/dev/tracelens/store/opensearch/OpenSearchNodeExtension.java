package dev.tracelens.store.opensearch;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Gives tests an {@link OpenSearchNode} parameter. One node is started per test JVM (it takes
 * 15-30 s and 512 MB) and kept in the root store, which stops it when the run ends. Tests isolate
 * themselves with their own index names.
 */
public final class OpenSearchNodeExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(OpenSearchNodeExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return p.getParameter().getType() == OpenSearchNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        return ctx.getRoot().getStore(NS).getOrComputeIfAbsent(OpenSearchNode.class, k -> {
            try {
                return OpenSearchNode.start(Files.createTempDirectory("tracelens-opensearch"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OpenSearchNode.class);
    }
}

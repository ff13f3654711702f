package dev.tracelens.traceback;

import java.util.List;

/** .NET's library rule: the base class library ({@code System.}, {@code Microsoft.}) and common packages. */
final class DotnetLibraries implements LibraryRule {
    static final DotnetLibraries RULE = new DotnetLibraries();
    private static final List<String> NAMESPACES = List.of("System.", "Microsoft.", "Newtonsoft.", "Npgsql.",
            "Grpc.", "Polly.", "Serilog.", "NLog.", "Castle.", "Autofac.", "MediatR.", "Dapper.", "StackExchange.",
            "Azure.", "Amazon.", "NUnit.", "Xunit.", "Moq.", "Swashbuckle.");

    private DotnetLibraries() {
    }

    @Override
    public boolean isLibrary(Frame frame) {
        for (String n : NAMESPACES) {
            if (frame.function().startsWith(n)) {
                return true;
            }
        }
        return false;
    }
}

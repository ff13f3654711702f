package dev.tracelens.traceback;

import java.util.List;

/**
 * The JVM languages' library rule (Java, Kotlin, Scala, Groovy, Clojure): a frame is the runtime's
 * or a library's when its class is in the JDK or in a common framework's packages.
 */
final class JavaLibraries implements LibraryRule {
    static final JavaLibraries RULE = new JavaLibraries();

    private static final List<String> PACKAGES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.", "groovy.",
            "org.codehaus.groovy.", "clojure.", "jakarta.", "org.springframework.", "org.apache.", "org.eclipse.",
            "org.mortbay.", "org.hibernate.", "org.jboss.", "io.netty.", "io.grpc.", "io.undertow.", "io.vertx.",
            "io.quarkus.", "io.micronaut.", "io.micrometer.", "io.opentelemetry.", "io.reactivex.", "reactor.",
            "rx.", "akka.", "play.", "com.google.", "com.fasterxml.", "com.zaxxer.", "com.mysql.", "org.postgresql.",
            "oracle.", "com.microsoft.sqlserver.", "okhttp3.", "retrofit2.", "feign.", "net.bytebuddy.",
            "org.aspectj.", "org.slf4j.", "ch.qos.logback.", "org.junit.", "junit.", "org.mockito.", "org.glassfish.",
            "org.jetbrains.", "com.amazonaws.", "software.amazon.", "org.elasticsearch.", "org.quartz.",
            "org.flywaydb.", "org.jooq.", "org.mybatis.", "com.netflix.", "io.dropwizard.", "org.gradle.",
            "worker.org.gradle.", "org.testng.", "io.ktor.", "com.typesafe.");

    private JavaLibraries() {
    }

    @Override
    public boolean isLibrary(Frame frame) {
        String f = frame.function();
        for (String p : PACKAGES) {
            if (f.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}

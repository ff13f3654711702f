package dev.tracelens.store.opensearch;

import dev.tracelens.store.StoreException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** TLS trust for a team index: the JVM's trust store, plus the CA certificates of an optional PEM file. */
final class TrustedCertificates {
    private TrustedCertificates() {
    }

    static SSLContext context(Path caFile) {
        try {
            X509TrustManager jvm = trustManager(null);
            X509TrustManager trust = jvm;
            if (caFile != null) {
                KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
                extra.load(null, null);
                Collection<? extends Certificate> certs;
                try (InputStream in = Files.newInputStream(caFile)) {
                    certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
                } catch (IOException | CertificateException e) {
                    throw new StoreException("Cannot read the CA file " + caFile + ": " + e.getClass().getSimpleName());
                }
                if (certs.isEmpty()) {
                    throw new StoreException("The CA file " + caFile + " holds no certificate");
                }
                int i = 0;
                for (Certificate c : certs) {
                    extra.setCertificateEntry("ca-" + i++, c);
                }
                trust = either(jvm, trustManager(extra));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{trust}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new StoreException("Cannot set up TLS for the team index: " + e.getClass().getSimpleName(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager m : f.getTrustManagers()) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts what either trusts (the JVM's store first). */
    private static X509TrustManager either(X509TrustManager a, X509TrustManager b) {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    a.checkClientTrusted(chain, authType);
                } catch (CertificateException e) {
                    b.checkClientTrusted(chain, authType);
                }
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    a.checkServerTrusted(chain, authType);
                } catch (CertificateException e) {
                    b.checkServerTrusted(chain, authType);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                List<X509Certificate> all = new ArrayList<>(List.of(a.getAcceptedIssuers()));
                all.addAll(List.of(b.getAcceptedIssuers()));
                return all.toArray(new X509Certificate[0]);
            }
        };
    }
}

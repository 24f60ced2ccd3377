package io.github.rdpdoctor.collectors.network;

import java.io.ByteArrayInputStream;
import java.net.IDN;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** What the probe reports about the host's certificate. */
public record CertificateFacts(long daysLeft, boolean selfSigned, boolean nameMatch, String subject, String thumbprint) {

    public static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    public static CertificateFacts of(X509Certificate cert, String host, Instant now) {
        long millis = cert.getNotAfter().getTime() - now.toEpochMilli();
        long days = Math.floorDiv(millis, 86_400_000L);
        return new CertificateFacts(days, selfSigned(cert), nameMatches(cert, host),
                cert.getSubjectX500Principal().getName(), thumbprint(cert));
    }

    /**
     * The certificate's SHA-1 thumbprint as Windows writes it (a certificate's {@code Thumbprint} in PowerShell's
     * {@code Cert:} drive, the RDP-Tcp listener's {@code SSLCertificateSHA1Hash}): the SHA-1 digest of its DER encoding, 40 upper-case hex digits.
     */
    public static String thumbprint(X509Certificate cert) {
        try {
            return java.util.HexFormat.of().withUpperCase()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("SHA-1 of a parsed certificate", e); // every JDK has SHA-1; a parsed certificate encodes
        }
    }

    /** Subject equals issuer and the certificate's signature verifies with its own key. */
    public static boolean selfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the certificate names the host: an address literal must be an IP SAN (or the CN,
     * as some RDP hosts put it there); a name must match a DNS SAN, or the CN when there is no
     * DNS SAN. Wildcards only as the whole leftmost label.
     */
    public static boolean nameMatches(X509Certificate cert, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        boolean literal = h.indexOf(':') >= 0 || h.matches("[0-9.]+");
        List<String> dnsNames = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && san.get(0) instanceof Integer type && san.get(1) instanceof String v) {
                        if (type == 2) {
                            dnsNames.add(v.toLowerCase(Locale.ROOT));
                        } else if (type == 7) {
                            ips.add(DnsCollector.normalizeLiteral(v) == null ? v : DnsCollector.normalizeLiteral(v));
                        }
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // unreadable SAN: fall back to CN
        }
        String cn = commonName(cert);
        if (literal) {
            String norm = DnsCollector.normalizeLiteral(h);
            String hostIp = norm == null ? h : norm;
            return ips.contains(hostIp) || (cn != null && hostIp.equals(DnsCollector.normalizeLiteral(cn)));
        }
        String ascii;
        try {
            ascii = IDN.toASCII(h);
        } catch (IllegalArgumentException e) {
            ascii = h;
        }
        if (!dnsNames.isEmpty()) {
            for (String n : dnsNames) {
                if (matches(n, ascii)) {
                    return true;
                }
            }
            return false;
        }
        return cn != null && matches(cn.toLowerCase(Locale.ROOT), ascii);
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.endsWith(".")) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2)) && pattern.indexOf('*', 1) < 0;
        }
        return pattern.equals(host);
    }

    static String commonName(X509Certificate cert) {
        try {
            LdapName dn = new LdapName(cert.getSubjectX500Principal().getName());
            String cn = null;
            for (Rdn rdn : dn.getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    cn = String.valueOf(rdn.getValue());
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}

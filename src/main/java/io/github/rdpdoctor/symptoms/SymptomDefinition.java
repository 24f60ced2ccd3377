package io.github.rdpdoctor.symptoms;

import java.util.List;
import java.util.Locale;

/**
 * One entry of the vocabulary: the type of a known symptom name and its allowed values.
 *
 * @param min       lowest allowed value for numbers, or NaN for no limit
 * @param max       highest allowed value for numbers, or NaN for no limit
 * @param values    allowed values of an enum, empty otherwise
 * @param extension true for a name rdp-doctor adds beyond symptom contract v1 (e.g. facts only the live probe
 *                  produces); such names may change in a later release, contract names may not
 */
public record SymptomDefinition(String name, SymptomType type, double min, double max, List<String> values,
                                String description, boolean extension) {
    public SymptomDefinition {
        values = List.copyOf(values);
    }

    /** A contract name (not an extension). */
    public SymptomDefinition(String name, SymptomType type, double min, double max, List<String> values,
                             String description) {
        this(name, type, min, max, values, description, false);
    }

    /**
     * Converts a raw value (Boolean, Long, Double or String as read from a file or given by code) to the
     * typed value of this symptom.
     *
     * @throws IllegalArgumentException with a message for a person when the value does not fit
     */
    public Object convert(Object raw) {
        return switch (type) {
            case BOOL -> toBool(raw);
            case INT -> inRange(toLong(raw));
            case NUMBER -> inRange(toDouble(raw));
            case STRING -> toText(raw);
            case HEX -> toHex(raw);
            case ENUM -> toEnum(raw);
            case THUMBPRINT -> toThumbprint(raw);
        };
    }

    /** Human description of what the symptom accepts, e.g. "an integer 0..2". */
    public String expected() {
        return switch (type) {
            case BOOL -> "true or false";
            case INT -> "an integer" + range();
            case NUMBER -> "a number" + range();
            case STRING -> "a text value";
            case HEX -> "a code such as \"0x904\" or 2308";
            case ENUM -> "one of " + String.join(", ", values);
            case THUMBPRINT -> "a SHA-1 thumbprint of 40 hexadecimal digits (spaces or colons between them allowed)";
        };
    }

    private String range() {
        if (Double.isNaN(min) && Double.isNaN(max)) {
            return "";
        }
        if (Double.isNaN(max)) {
            return " of " + fmt(min) + " or more";
        }
        if (Double.isNaN(min)) {
            return " of " + fmt(max) + " or less";
        }
        return " " + fmt(min) + ".." + fmt(max);
    }

    /** A number as a person writes it: 150, not 150.0. */
    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private IllegalArgumentException wrong(Object raw) {
        String text = String.valueOf(raw);
        if (text.length() > 80) { // a message is one line a person reads: the start of a long value is enough
            text = text.substring(0, 77) + "... (" + text.length() + " characters)";
        }
        String shown = raw instanceof String ? "\"" + text + "\"" : text;
        return new IllegalArgumentException("expected " + expected() + ", got " + shown);
    }

    private Boolean toBool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> {
                    return Boolean.TRUE;
                }
                case "false", "no" -> {
                    return Boolean.FALSE;
                }
                default -> {
                }
            }
        }
        throw wrong(raw);
    }

    private Long toLong(Object raw) {
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return n.longValue();
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw wrong(raw);
            }
        }
        throw wrong(raw);
    }

    private Double toDouble(Object raw) {
        if (raw instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        if (raw instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                throw wrong(raw);
            }
        }
        throw wrong(raw);
    }

    private <T extends Number> T inRange(T n) {
        double d = n.doubleValue();
        if ((!Double.isNaN(min) && d < min) || (!Double.isNaN(max) && d > max)) {
            throw new IllegalArgumentException("expected " + expected() + ", got " + fmt(d) + " (out of range)");
        }
        return n;
    }

    private String toText(Object raw) {
        if (raw instanceof String s) {
            return plainText(s);
        }
        if (raw instanceof Boolean || raw instanceof Number) {
            return raw.toString();
        }
        throw wrong(raw);
    }

    /**
     * A text value as rules read it: without the trademark signs ® and ™ (and "(R)", "(TM)" written after a word), which
     * Microsoft puts into some product names — Win32_OperatingSystem.Caption is "Microsoft® Windows Server® 2008 Standard"
     * on Windows Server 2008, "Microsoft® Windows Vista™ Business" on Vista, "Microsoft(R) Windows(R) Server 2003, Standard
     * Edition" on Server 2003 — and with each run of white space (doubled spaces, a tab, a no-break space) made one space
     * and none at either end. "Microsoft® Windows Server® 2008  Standard " reads "Microsoft Windows Server 2008 Standard".
     * The same caption written by {@code wmic} or {@code systeminfo} into a console code page that has no ® reads
     * "Microsoftr Windows Serverr 2008 Standard" (Windows' best-fit conversion turns ® into r): a value that starts so has
     * that r dropped from "Microsoftr", "Windowsr" and "Serverr". Text without any of these is returned as it is.
     */
    static String plainText(String s) {
        if (s.startsWith(BEST_FIT_MICROSOFT)) {
            s = withoutBestFitMarks(s);
        }
        if (isPlain(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '®' || c == '™') {
                continue;
            }
            if (c == '(' && trademarkAt(s, i)) {
                i = s.indexOf(')', i);
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = b.length() > 0;
                continue;
            }
            if (pendingSpace) {
                b.append(' ');
                pendingSpace = false;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** How a caption's "Microsoft®" reads after Windows' best-fit conversion to a console code page without ®. */
    private static final String BEST_FIT_MICROSOFT = "Microsoftr ";

    /** "Microsoftr", "Windowsr" and "Serverr" as whole words without their last r (the ® best-fit turned into one). */
    private static String withoutBestFitMarks(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int start = 0;
        while (start < s.length()) {
            int end = start;
            while (end < s.length() && !isSpace(s.charAt(end))) {
                end++;
            }
            String word = s.substring(start, end);
            b.append(word.equals("Microsoftr") || word.equals("Windowsr") || word.equals("Serverr")
                    ? word.substring(0, word.length() - 1) : word);
            if (end < s.length()) {
                b.append(s.charAt(end));
            }
            start = end + 1;
        }
        return b.toString();
    }

    /** Whether {@link #plainText(String)} leaves {@code s} as it is: a scan, as most values are plain. */
    private static boolean isPlain(String s) {
        if (s.isEmpty()) {
            return true;
        }
        if (isSpace(s.charAt(0)) || isSpace(s.charAt(s.length() - 1))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '®' || c == '™' || c == '(' && trademarkAt(s, i)) {
                return false;
            }
            if (isSpace(c) && (c != ' ' || isSpace(s.charAt(i + 1)))) { // not the last: it is no space
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Whether "(R)" or "(TM)", in any case, starts at {@code i} right after a letter or digit ("Windows(R)"). */
    private static boolean trademarkAt(String s, int i) {
        if (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))) {
            return false;
        }
        return s.regionMatches(true, i, "(R)", 0, 3) || s.regionMatches(true, i, "(TM)", 0, 4);
    }

    /**
     * A certificate thumbprint as Windows writes it ({@code Thumbprint}, {@code SSLCertificateSHA1Hash}: 40 upper-case hex
     * digits), from the ways people copy one: lower case, pairs separated by spaces (the certificate dialog's Details tab)
     * or colons ({@code openssl x509 -fingerprint -sha1}), with the invisible left-to-right mark (U+200E) the certificate
     * dialog puts before it, or a {@code SHA1 Fingerprint=} prefix as openssl prints it.
     */
    private String toThumbprint(Object raw) {
        if (!(raw instanceof String s)) {
            throw wrong(raw);
        }
        String t = s.strip();
        int eq = t.indexOf('=');
        if (eq >= 0 && t.substring(0, eq).toLowerCase(Locale.ROOT).contains("fingerprint")) {
            t = t.substring(eq + 1);
        }
        StringBuilder b = new StringBuilder(40);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ' || c == ':' || c == '\u200e' || c == '\u200f' || c == '\ufeff' || c == '\u00a0' || c == '\t') {
                continue;
            }
            if (Character.digit(c, 16) < 0 || c > 'f') {
                throw wrong(raw);
            }
            b.append(Character.toUpperCase(c));
        }
        if (b.length() != 40) {
            throw wrong(raw);
        }
        return b.toString();
    }

    private HexCode toHex(Object raw) {
        if (raw instanceof HexCode h) {
            return h;
        }
        if (raw instanceof Long || raw instanceof Integer) {
            long v = ((Number) raw).longValue();
            if (v >= 0) {
                return new HexCode(v);
            }
        }
        if (raw instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            try {
                long v = t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
                if (v >= 0 && t.length() > (t.startsWith("0x") ? 2 : 0) && t.length() <= 18) {
                    return new HexCode(v);
                }
            } catch (NumberFormatException e) {
                throw wrong(raw);
            }
        }
        throw wrong(raw);
    }

    private String toEnum(Object raw) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            String t = raw.toString().trim();
            for (String v : values) {
                if (v.equalsIgnoreCase(t)) {
                    return v;
                }
            }
        }
        throw wrong(raw);
    }
}

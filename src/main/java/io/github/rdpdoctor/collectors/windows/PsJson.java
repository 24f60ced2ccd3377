package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading what Windows PowerShell 5.1's {@code ConvertTo-Json} prints, with its quirks:
 * <ul>
 *   <li>an empty pipeline prints nothing; one object prints an object, not a one-element array;</li>
 *   <li>enums are numbers ({@code "Status":4} for Running); booleans are {@code true/false};</li>
 *   <li>a DateTime is {@code "\/Date(1700000000000)\/"} (milliseconds since 1970, UTC); a DateTime
 *       that came from {@code Get-Date} is an object {@code {"value":"\/Date(..)\/","DisplayHint":2,
 *       "DateTime":"..."}};</li>
 *   <li>an array wrapped in a PSObject may print as {@code {"value":[...],"Count":n}};</li>
 *   <li>numbers from the registry may be negative (a DWORD 0xFFFFFFFF reads as -1).</li>
 * </ul>
 * All methods are lenient: what does not fit gives an empty result, never an exception.
 */
public final class PsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern MS_DATE = Pattern.compile("^/Date\\((-?\\d{1,15})([+-]\\d{4})?\\)/$");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);
    private static final DateTimeFormatter DE_DATE = DateTimeFormatter.ofPattern("d.M.yyyy", Locale.ROOT);
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    private PsJson() {
    }

    /** Thrown by {@link #parse} for text that is not JSON. */
    public static final class NotJsonException extends Exception {
        NotJsonException(String message) {
            super(message);
        }
    }

    /**
     * Parses a script's standard output: empty output (an empty pipeline) gives a missing node. A byte
     * order mark and surrounding blank lines are ignored; when the text as a whole is not JSON, the
     * last line that is JSON is taken (a stray value printed before the document).
     */
    public static JsonNode parse(String stdout) throws NotJsonException {
        String text = stdout == null ? "" : stdout.replace("\uFEFF", "").strip();
        if (text.isEmpty()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String[] lines = text.split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                String l = lines[i].strip();
                if (l.startsWith("{") || l.startsWith("[")) {
                    try {
                        return MAPPER.readTree(l);
                    } catch (JsonProcessingException ignored) {
                        // keep looking
                    }
                }
            }
            String first = text.length() > 120 ? text.substring(0, 120) + "..." : text;
            throw new NotJsonException("output is not JSON (" + e.getOriginalMessage() + "): " + first.replaceAll("\\s+", " "));
        }
    }

    /**
     * The rows of a value that PowerShell may have printed as nothing, one object or an array (or the
     * {@code {"value":[...],"Count":n}} wrapper). Null entries are dropped.
     */
    public static List<JsonNode> rows(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return out;
        }
        JsonNode n = node;
        if (n.isObject() && n.has("value") && n.get("value").isArray() && n.has("Count") && n.size() == 2) {
            n = n.get("value");
        }
        if (n.isArray()) {
            n.forEach(e -> {
                if (e != null && !e.isNull()) {
                    out.add(e);
                }
            });
        } else {
            out.add(n);
        }
        return out;
    }

    /** A field of an object, case-insensitively (PowerShell property names are); missing node when absent. */
    public static JsonNode field(JsonNode obj, String name) {
        if (obj == null || !obj.isObject()) {
            return MissingNode.getInstance();
        }
        JsonNode exact = obj.get(name);
        if (exact != null) {
            return exact;
        }
        var it = obj.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) {
                return obj.get(f);
            }
        }
        return MissingNode.getInstance();
    }

    /** Text of a scalar field; empty when missing, null or not a scalar. */
    public static Optional<String> text(JsonNode obj, String name) {
        return text(field(obj, name));
    }

    public static Optional<String> text(JsonNode n) {
        if (n == null || !n.isValueNode() || n.isNull()) {
            return Optional.empty();
        }
        String s = n.asText();
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** A whole number: a JSON integer, or text holding one (decimal or 0x hex); empty otherwise. */
    public static OptionalLong integer(JsonNode obj, String name) {
        return integer(field(obj, name));
    }

    public static OptionalLong integer(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return OptionalLong.empty();
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return OptionalLong.of(n.asLong());
        }
        if (n.isNumber()) {
            double d = n.asDouble();
            return d == Math.rint(d) ? OptionalLong.of((long) d) : OptionalLong.empty();
        }
        if (n.isTextual()) {
            String s = n.asText().strip();
            try {
                if (s.matches("-?\\d{1,18}")) {
                    return OptionalLong.of(Long.parseLong(s));
                }
                if (s.matches("(?i)0x[0-9a-f]{1,16}")) {
                    return OptionalLong.of(Long.parseUnsignedLong(s.substring(2), 16));
                }
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** A boolean: JSON true/false, "True"/"False", or a number (non-zero is true). */
    public static Optional<Boolean> bool(JsonNode obj, String name) {
        JsonNode n = field(obj, name);
        if (n.isBoolean()) {
            return Optional.of(n.asBoolean());
        }
        if (n.isNumber()) {
            return Optional.of(n.asLong() != 0);
        }
        if (n.isTextual()) {
            String s = n.asText().strip().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("1")) {
                return Optional.of(true);
            }
            if (s.equals("false") || s.equals("0")) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    /** A date-time field, see {@link #instant(JsonNode)}. */
    public static Optional<Instant> instant(JsonNode obj, String name) {
        return instant(field(obj, name));
    }

    /**
     * A point in time as PowerShell 5.1 writes it ({@code /Date(ms)/}, optionally with an offset, or the
     * Get-Date object with a {@code value}), as ISO-8601 text, or as a WMI date ({@code M/d/yyyy},
     * {@code yyyyMMdd}, {@code d.M.yyyy}, taken as UTC midnight). DateTime.MinValue and dates before 1980
     * count as absent.
     */
    public static Optional<Instant> instant(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Optional.empty();
        }
        if (n.isObject()) {
            return instant(field(n, "value"));
        }
        if (!n.isTextual()) {
            return Optional.empty();
        }
        return instant(n.asText());
    }

    public static Optional<Instant> instant(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().replace("\\/", "/");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Instant t = null;
        Matcher m = MS_DATE.matcher(s);
        if (m.matches()) {
            t = Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        } else {
            try {
                t = OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                t = localDate(s);
            }
        }
        if (t == null || t.isBefore(Instant.parse("1980-01-01T00:00:00Z"))) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    private static Instant localDate(String s) {
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next format
        }
        String d = s.contains(" ") ? s.substring(0, s.indexOf(' ')) : s;
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, US_DATE, COMPACT_DATE, DE_DATE)) {
            try {
                return LocalDate.parse(d, f).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return null;
    }

    /** ISO-8601 UTC text of an instant, to the second, as the symptom contract writes times. */
    public static String iso(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}

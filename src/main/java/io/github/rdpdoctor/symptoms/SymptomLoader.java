package io.github.rdpdoctor.symptoms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads symptom files (YAML or JSON, contract {@code rdp-symptoms/v1}) into {@link SymptomSet}s.
 *
 * <p>Every problem becomes one {@link SymptomFileException} naming the file, the line and the field.
 * Documents are bounded: {@value #MAX_BYTES} bytes, nesting depth {@value #MAX_DEPTH}, no YAML aliases,
 * {@value #MAX_ENTRIES} entries per list or map. Thread-safe and reusable.
 */
public final class SymptomLoader {
    public static final String SCHEMA = "rdp-symptoms/v1";
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_DEPTH = 16;
    public static final int MAX_ENTRIES = 10_000;
    private static final int MAX_TEXT = 64 * 1024;
    /** YAML's limit for a plain (implicit) key: a longer "key: value" line is read as text. */
    private static final int YAML_KEY_LIMIT = 1024;

    private final Vocabulary vocabulary;
    private final JsonFactory json;
    private final YAMLFactory yaml;

    public SymptomLoader(Vocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_TEXT).maxNameLength(MAX_TEXT).maxNumberLength(64)
                .maxDocumentLength(MAX_BYTES).build();
        this.json = JsonFactory.builder().streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        LoaderOptions yamlLimits = new LoaderOptions();
        yamlLimits.setMaxAliasesForCollections(0);
        yamlLimits.setAllowRecursiveKeys(false);
        yamlLimits.setNestingDepthLimit(MAX_DEPTH);
        yamlLimits.setCodePointLimit(MAX_BYTES);
        yamlLimits.setAllowDuplicateKeys(false);
        this.yaml = YAMLFactory.builder().loaderOptions(yamlLimits).streamReadConstraints(limits)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
    }

    /** A loader for the bundled vocabulary. */
    public SymptomLoader() {
        this(Vocabulary.bundled());
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** True for the file names read as symptom files when walking directories: *.yaml, *.yml and *.json. */
    public static boolean isSymptomFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /**
     * Reads and checks one symptom file. Reading stops at {@value #MAX_BYTES} bytes, also for pipes and devices
     * whose size is not known beforehand.
     */
    public SymptomSet load(Path file) {
        return parse(file.toString(), read(file));
    }

    /**
     * The bytes of a symptom file, at most {@value #MAX_BYTES}: a bigger file is refused by its size, and reading
     * stops after the limit and one byte more for pipes and devices whose size is not known beforehand.
     *
     * @throws SymptomFileException naming the file when it is missing, unreadable or too big
     */
    public static byte[] read(Path file) {
        String name = file.toString();
        try (SeekableByteChannel ch = Files.newByteChannel(file); InputStream in = Channels.newInputStream(ch)) {
            long size = ch.size();
            if (size > MAX_BYTES) {
                throw new SymptomFileException(name, 0, "", "file is " + size + " bytes; the limit is " + MAX_BYTES);
            }
            byte[] content = in.readNBytes((int) size); // a regular file, as big as it says: one array, no copy
            int beyond = content.length == size ? in.read() : -1;
            if (beyond < 0) {
                return content;
            }
            // longer than its size: a pipe, a device, a growing file; read on, up to one byte over the limit
            return readOn(name, content, beyond, in);
        } catch (NoSuchFileException e) {
            throw new SymptomFileException(name, 0, "", ReadProblem.missing(file));
        } catch (IOException e) {
            throw new SymptomFileException(name, 0, "", "cannot read: " + ReadProblem.of(file, e));
        }
    }

    /**
     * The bytes of a document on a stream (standard input), at most {@value #MAX_BYTES}; reading stops one byte after
     * the limit.
     *
     * @param name shown in error messages, e.g. {@code <stdin>}
     * @throws SymptomFileException naming the stream when it cannot be read or is too big
     */
    public static byte[] read(String name, InputStream in) {
        try {
            return readOn(name, new byte[0], -1, in);
        } catch (IOException e) {
            throw new SymptomFileException(name, 0, "", "cannot read: " + e.getMessage());
        }
    }

    /** What was read so far, the byte after it (or -1 for none), and the rest of the stream up to the limit. */
    private static byte[] readOn(String name, byte[] start, int next, InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream(start.length + 8192);
        all.write(start, 0, start.length);
        if (next >= 0) {
            all.write(next);
        }
        byte[] rest = in.readNBytes(MAX_BYTES + 1 - all.size());
        all.write(rest, 0, rest.length);
        if (all.size() > MAX_BYTES) {
            throw new SymptomFileException(name, 0, "", "more than " + MAX_BYTES + " bytes; the limit is " + MAX_BYTES);
        }
        return all.toByteArray();
    }

    /**
     * Parses one document. JSON is detected by a leading '{' (or a .json name), everything else is read as YAML.
     *
     * @param name shown in error messages (usually the file path)
     */
    public SymptomSet parse(String name, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new SymptomFileException(name, 0, "", "document is " + content.length + " bytes; the limit is " + MAX_BYTES);
        }
        content = fromUtf16(name, content);
        // a UTF-8 byte order mark (Notepad, Set-Content -Encoding UTF8) is not where the document starts: a JSON document
        // after it is still JSON (read as YAML, PowerShell's "\/Date(...)\/" would be a bad escape)
        int bom = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB && content[2] == (byte) 0xBF ? 3 : 0;
        int first = -1;
        int line = 1;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            if (b == 0) {
                throw new SymptomFileException(name, line, "", "binary data (NUL byte at offset " + i + "); expected a YAML or JSON text file");
            }
            if (b == '\n') {
                line++;
            }
            if (first < 0 && i >= bom && b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                first = i;
            }
        }
        if (first < 0) {
            throw new SymptomFileException(name, 0, "", "empty file; expected a symptom document with at least 'host'");
        }
        boolean isJson = content[first] == '{' || name.toLowerCase(Locale.ROOT).endsWith(".json");
        JsonFactory factory = isJson ? json : yaml;
        JsonParser p = null;
        try {
            p = factory.createParser(content);
            return new Reader(name, p).document();
        } catch (SymptomFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Jackson's syntax and limit errors, and SnakeYAML's (some arrive as runtime exceptions)
            throw malformed(name, content, isJson ? "JSON" : "YAML", p, e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // reading from memory: nothing to release
                }
            }
        }
    }

    /**
     * UTF-16 text (what Windows PowerShell 5.1 writes with {@code >} and {@code Out-File}: UTF-16LE with a byte order
     * mark; also without one, and big-endian) as UTF-8; other content unchanged. Found by its first four bytes
     * ({@link Utf16#charset}). Without a byte order mark, only what decodes to text is taken for UTF-16: content with
     * broken characters or control characters (NUL, as in U+0000) stays as it is and is refused as binary data.
     */
    private static byte[] fromUtf16(String name, byte[] content) {
        java.nio.charset.Charset cs = Utf16.charset(content, content.length);
        if (cs == null) {
            return content;
        }
        boolean bom = Utf16.hasByteOrderMark(content, content.length);
        if (bom && content.length >= 4 && content[0] == (byte) 0xFF && content[2] == 0 && content[3] == 0) {
            throw new SymptomFileException(name, 0, "", "UTF-32 text (byte order mark FF FE 00 00); save it as UTF-8");
        }
        String text;
        try {
            text = cs.newDecoder().decode(java.nio.ByteBuffer.wrap(content, bom ? 2 : 0, content.length - (bom ? 2 : 0))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            if (!bom) {
                return content; // NUL bytes, but not UTF-16 text: binary
            }
            throw new SymptomFileException(name, 0, "", "starts with a UTF-16 byte order mark but is not valid UTF-16 text");
        }
        if (!bom) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return content; // binary data that happens to start like UTF-16
                }
            }
        }
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One message for a document the parsers refused: the line of the problem and what is wrong, in plain words. */
    private static SymptomFileException malformed(String name, byte[] content, String format, JsonParser p, Exception e) {
        int badByte = Utf8.firstInvalid(content);
        if (badByte >= 0) {
            return new SymptomFileException(name, lineAt(content, badByte), "", Utf8.notUtf8(content, badByte)
                    + " (Windows PowerShell 5.1: Set-Content -Encoding UTF8; its default is the ANSI code page)");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                String context = y.getContext() == null ? "" : y.getContext() + ": ";
                // at the end of the stream, the place to look is where the unfinished thing began (an open quote); a
                // key without its ':' is found missing on a later line, but the line to mend is the key's
                boolean whereItBegan = y.getContextMark() != null && (y.getProblem() != null && y.getProblem().contains("end of stream")
                        || "while scanning a simple key".equals(y.getContext()));
                int line = (whereItBegan ? y.getContextMark() : y.getProblemMark()).getLine() + 1;
                // SnakeYAML gives up on a key after 1,024 characters with the message of a missing ':'
                boolean keyTooLong = y.getContextMark() != null
                        && y.getProblemMark().getIndex() - y.getContextMark().getIndex() > YAML_KEY_LIMIT;
                return new SymptomFileException(name, line, "", "malformed YAML: " + context + plain(y.getProblem())
                        + (keyTooLong ? " within " + String.format(Locale.ROOT, "%,d", YAML_KEY_LIMIT) + " characters (YAML's limit for a key)" : ""));
            }
        }
        int line = 0;
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            line = Math.max(j.getLocation().getLineNr(), 0);
        }
        if (line == 0 && p != null) {
            line = Math.max(p.currentLocation().getLineNr(), 0);
        }
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (e instanceof StreamConstraintsException || message != null && message.toLowerCase(Locale.ROOT).contains("nesting depth")) {
            String field = p == null ? ""
                    // the parser is still at the field before a name that is too long: name the map it is in
                    : message != null && message.toLowerCase(Locale.ROOT).contains("name length")
                    ? path(p.getParsingContext().getParent()) : path(p);
            return new SymptomFileException(name, line, field, limitExceeded(message));
        }
        if (p != null && message != null && message.startsWith("Duplicate field")) {
            return new SymptomFileException(name, line, path(p), "given twice in the same map");
        }
        return new SymptomFileException(name, line, "", "malformed " + format + ": " + plain(message));
    }

    private static String limitExceeded(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels (the limit)";
        }
        if (m.contains("name length")) {
            return "a field name is longer than " + MAX_TEXT + " characters (the limit)";
        }
        if (m.contains("string value length")) {
            return "a text value is longer than " + MAX_TEXT + " characters (the limit)";
        }
        if (m.contains("number value length")) {
            return "a number is longer than 64 digits (the limit)";
        }
        if (m.contains("document length")) {
            return "more than " + MAX_BYTES + " bytes (the limit)";
        }
        return "over a size limit: " + plain(message);
    }

    /** A parser message without the parser's internals: first line only, no source locations or setting names. */
    private static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable document";
        }
        int nl = message.indexOf('\n');
        String m = nl >= 0 ? message.substring(0, nl) : message;
        m = m.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*", "")
                .replaceAll(",?\\s*\\(?from `[^`]*`\\)?", "")
                .replaceAll(":?\\s*\\(?(enable|use) `[^`]*`[^)]*\\)?", "")
                .replaceAll("\\s*\\(code \\d+\\)", "");
        return m.trim();
    }

    /** The field at the parser's position, written as in messages: {@code symptoms.client.os}, {@code events[2].id}. */
    private static String path(JsonParser p) {
        return path(p.getParsingContext());
    }

    /** The field {@code context} is at, with the fields of the maps and lists around it. */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        StringBuilder field = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            field.append(parts.get(i));
        }
        return field.length() > 0 && field.charAt(0) == '.' ? field.substring(1) : field.toString();
    }

    private static int lineAt(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** One pass over the token stream of one document. */
    private final class Reader {
        private final String file;
        private final JsonParser p;
        private final YAMLParser yamlAliases;
        private String host;
        private int hostLine;
        private String collectedAt;
        private final Map<String, Symptom> symptoms = new LinkedHashMap<>();
        private final List<HostEvent> events = new ArrayList<>();
        private final List<UserSession> sessions = new ArrayList<>();
        private boolean sessionsListed;
        private final List<String> warnings = new ArrayList<>();
        private Expectation expect;
        /** Top-level fields the contract does not have, with their lines: they tell other documents given by mistake. */
        private final Map<String, Integer> otherFields = new LinkedHashMap<>();

        Reader(String file, JsonParser p) {
            this.file = file;
            this.p = p;
            this.yamlAliases = p instanceof YAMLParser y ? y : null;
        }

        /** The next token; a YAML alias anywhere in the document is an error (aliases are never expanded). */
        private JsonToken next() throws IOException {
            JsonToken t = p.nextToken();
            if (yamlAliases != null && yamlAliases.isCurrentAlias()) {
                throw error(path(), "YAML aliases (*" + p.getText() + ") are not allowed in symptom files; write the value out");
            }
            if (t == JsonToken.FIELD_NAME && p.currentName().length() > MAX_TEXT) {
                throw error("", "a field name of " + p.currentName().length() + " characters; the limit is " + MAX_TEXT);
            }
            return t;
        }

        /** Skips the value at the current token (a whole map or list), still refusing aliases inside it. */
        private void skip() throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                checkLength(t);
                return;
            }
            if (t == null || !t.isStructStart()) {
                return;
            }
            // what is skipped keeps to the limits too: entries per list or map, text length
            int[] entries = new int[MAX_DEPTH + 4];
            for (int depth = 1; depth > 0; ) {
                JsonToken n = next();
                if (n == null) {
                    return;
                }
                if (n.isStructEnd()) {
                    depth--;
                    continue;
                }
                if (n == JsonToken.FIELD_NAME) {
                    continue;
                }
                if (++entries[Math.min(depth, entries.length - 1)] > MAX_ENTRIES) {
                    throw error(path(), "more than " + MAX_ENTRIES + " entries");
                }
                checkLength(n);
                if (n.isStructStart() && ++depth < entries.length) {
                    entries[depth] = 0;
                }
            }
        }

        private void checkLength(JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_STRING && p.getTextLength() > MAX_TEXT) {
                throw error(path(), "text of " + p.getTextLength() + " characters; the limit is " + MAX_TEXT);
            }
        }

        private String path() {
            return SymptomLoader.path(p);
        }

        private int line() {
            return Math.max(p.currentTokenLocation().getLineNr(), 0);
        }

        /**
         * The problem with the value at hand. JSON hands out a number before it looks at what follows ({@code 0x0D3D}
         * is 0, then a syntax error): after a number, the next token is read first, so such a syntax error is the
         * one reported.
         */
        private SymptomFileException error(String field, String problem) throws IOException {
            int at = line();
            JsonToken t = p.currentToken();
            if (yamlAliases == null && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)) {
                p.nextToken();
            }
            if (t == JsonToken.VALUE_STRING && overlongYamlKey()) {
                return new SymptomFileException(file, at, field, problem + " (YAML reads a key longer than 1,024 characters as text)");
            }
            return new SymptomFileException(file, at, field, problem);
        }

        /** What a document without 'host' is instead, when its fields tell: a batch result line, an osquery log line. */
        private String otherDocument() {
            if (otherFields.containsKey("file") && otherFields.containsKey("status")
                    && (otherFields.containsKey("diagnosis") || otherFields.containsKey("error"))) {
                return "; this is a result line of 'rdp-doctor batch', not a symptom file: 'rdp-doctor report FILE'"
                        + " summarises batch results";
            }
            if (otherFields.containsKey("hostIdentifier") || otherFields.containsKey("diffResults")) {
                return "; this is a line of an osqueryd results log, not a symptom file: give the log to"
                        + " 'rdp-doctor batch --osquery FILE'";
            }
            return "";
        }

        SymptomSet document() throws IOException {
            JsonToken t = next();
            if (t == null) {
                throw new SymptomFileException(file, 0, "", "empty document; expected a symptom document with at least 'host'");
            }
            if (t != JsonToken.START_OBJECT) {
                throw error("", "expected a map with 'host' and 'symptoms' at the top, got " + describe(t));
            }
            while (next() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = next();
                switch (key) {
                    case "schema" -> {
                        String schema = scalarText(key);
                        if (!SCHEMA.equals(schema)) {
                            throw error(key, "unsupported schema '" + schema + "'; this version reads " + SCHEMA);
                        }
                    }
                    case "host" -> {
                        host = scalarText(key).trim();
                        hostLine = line();
                        if (host.isEmpty()) {
                            throw error(key, "host is empty; give the RDP target as the user typed it");
                        }
                    }
                    case "collected_at" -> collectedAt = timestamp(key);
                    case "symptoms" -> readSymptoms(v);
                    case "events" -> readList(v, key, this::readEvent);
                    case "sessions" -> {
                        readList(v, key, this::readSession);
                        sessionsListed = v == JsonToken.START_ARRAY; // an empty list says there are none
                    }
                    case "expect" -> readExpect(v);
                    case "comment", "_comment" -> readComment(key, v);
                    default -> {
                        warnings.add(file + ":" + line() + ": unknown top-level field '" + key + "' ignored");
                        if (otherFields.size() < 64) {
                            otherFields.putIfAbsent(key, line());
                        }
                        skip();
                    }
                }
            }
            if (host == null) {
                throw new SymptomFileException(file, 1, "host", "required field 'host' is missing" + otherDocument());
            }
            if (otherFields.containsKey("causes") && symptoms.isEmpty() && events.isEmpty() && !sessionsListed) {
                // diagnose --format json output fed back in: read as facts it has none, and "no cause" would be the answer
                throw new SymptomFileException(file, otherFields.get("causes"), "causes", "this is a diagnosis (the"
                        + " output of diagnose or probe --format json), not a symptom file: it holds causes, not facts;"
                        + " diagnose the symptom file it was made from");
            }
            if (next() != null) {
                throw error("", "more than one document in the file");
            }
            return new SymptomSet(file, host, collectedAt, new ArrayList<>(symptoms.values()), events, sessions,
                    warnings, expect, sessionsListed);
        }

        private void readSymptoms(JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            if (t != JsonToken.START_OBJECT) {
                throw error("symptoms", "expected a map of symptom name to value, got " + describe(t));
            }
            while (next() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String field = "symptoms." + name;
                JsonToken v = next();
                int at = line();
                Object raw = scalar(field, v);
                if (symptoms.size() >= MAX_ENTRIES) {
                    throw error(field, "more than " + MAX_ENTRIES + " symptoms");
                }
                if (raw == null) {
                    warnings.add(file + ":" + at + ": " + field + " has no value; ignored");
                    continue;
                }
                SymptomDefinition def = vocabulary.find(name);
                Object value;
                if (def == null) {
                    warnings.add(file + ":" + at + ": unknown symptom name '" + name + "' (kept and passed to the rules)"
                            + Spelling.hint(name, vocabulary.definitions().stream().map(SymptomDefinition::name)));
                    value = raw;
                } else {
                    try {
                        value = def.convert(raw);
                    } catch (IllegalArgumentException e) {
                        throw error(field, e.getMessage());
                    }
                }
                symptoms.put(name, new Symptom(name, value, at));
            }
        }

        private interface ItemReader {
            void read(String field) throws IOException;
        }

        private void readList(JsonToken t, String key, ItemReader item) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            if (t != JsonToken.START_ARRAY) {
                throw error(key, "expected a list, got " + describe(t));
            }
            forEachEntry(key, field -> {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    throw error(field, "expected a map, got " + describe(p.currentToken()));
                }
                item.read(field);
            });
        }

        /** Reads the entries of the list just opened, each named {@code KEY[i]}, at most {@link #MAX_ENTRIES}. */
        private void forEachEntry(String key, ItemReader entry) throws IOException {
            int i = 0;
            while (next() != JsonToken.END_ARRAY) {
                String field = key + "[" + i + "]";
                if (i++ >= MAX_ENTRIES) {
                    throw error(field, "more than " + MAX_ENTRIES + " entries");
                }
                entry.read(field);
            }
        }

        /**
         * A comment: free text for people (JSON has no comments), as one value or a list of lines; checked like any text
         * (limits, one value per line) and never given to the rules.
         */
        private void readComment(String key, JsonToken t) throws IOException {
            if (t == JsonToken.VALUE_NULL) {
                return;
            }
            if (t != JsonToken.START_ARRAY) {
                if (t == JsonToken.START_OBJECT) {
                    throw error(key, "expected text or a list of lines, got " + describe(t));
                }
                scalarText(key);
                return;
            }
            forEachEntry(key, field -> {
                if (p.currentToken() != JsonToken.VALUE_NULL) {
                    scalarText(field);
                }
            });
        }

        private void readEvent(String field) throws IOException {
            int start = line();
            String log = null;
            String source = null;
            String time = null;
            String message = null;
            Long id = null;
            while (next() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = next();
                String f = field + "." + key;
                switch (key) {
                    case "log" -> log = scalarText(f);
                    case "source" -> source = scalarText(f);
                    case "id" -> id = wholeNumber(f, v, 0, 65535);
                    case "time" -> time = timestamp(f);
                    case "message" -> message = scalarText(f);
                    default -> {
                        warnings.add(file + ":" + line() + ": unknown field '" + f + "' ignored");
                        skip();
                    }
                }
            }
            if (id == null) {
                throw new SymptomFileException(file, start, field + ".id", "event has no 'id'");
            }
            events.add(new HostEvent(log, source, id.intValue(), time, message));
        }

        private void readSession(String field) throws IOException {
            int start = line();
            String user = null;
            String state = null;
            long idle = -1;
            while (next() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = next();
                String f = field + "." + key;
                switch (key) {
                    case "user" -> user = scalarText(f);
                    case "state" -> state = scalarText(f);
                    case "idle_minutes" -> idle = wholeNumber(f, v, 0, Long.MAX_VALUE);
                    default -> {
                        warnings.add(file + ":" + line() + ": unknown field '" + f + "' ignored");
                        skip();
                    }
                }
            }
            if (state == null) {
                throw new SymptomFileException(file, start, field + ".state", "session has no 'state'");
            }
            // a state as qwinsta prints it in the host's language ("Getr.", "Aktiv", "Déco") counts as its canonical word
            sessions.add(new UserSession(user, UserSession.canonicalState(state).orElse(state), idle));
        }

        private void readExpect(JsonToken t) throws IOException {
            int start = line();
            if (t != JsonToken.START_OBJECT) {
                throw error("expect", "expected a map with top_cause / listed / not_listed / min_confidence / max_confidence, got " + describe(t));
            }
            String top = null;
            List<String> listed = new ArrayList<>();
            List<String> notListed = new ArrayList<>();
            Map<String, Double> min = new LinkedHashMap<>();
            Map<String, Double> max = new LinkedHashMap<>();
            while (next() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = next();
                switch (key) {
                    case "top_cause" -> top = scalarText("expect.top_cause");
                    case "listed" -> textList("expect.listed", v, listed);
                    case "not_listed" -> textList("expect.not_listed", v, notListed);
                    case "min_confidence" -> confidenceBounds("expect.min_confidence", v, min);
                    case "max_confidence" -> confidenceBounds("expect.max_confidence", v, max);
                    default -> throw error("expect." + key,
                            "unknown field; expected top_cause, listed, not_listed, min_confidence or max_confidence");
                }
            }
            expect = new Expectation(top, listed, notListed, min, max, start);
        }

        /** {@code {cause-id: 0.7, top: 0.5}}: each bound a number from 0 to 1. */
        private void confidenceBounds(String field, JsonToken t, Map<String, Double> out) throws IOException {
            if (t != JsonToken.START_OBJECT) {
                throw error(field, "expected a map of cause id (or 'top') to a confidence from 0 to 1, got " + describe(t));
            }
            while (next() == JsonToken.FIELD_NAME) {
                String id = p.currentName();
                String f = field + "." + id;
                Object v = scalar(f, next());
                if (!(v instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
                    throw error(f, "expected a confidence from 0 to 1, got " + (v instanceof String s ? "\"" + s + "\"" : v));
                }
                out.put(id, n.doubleValue()); // a key given twice is already refused by the parser
            }
        }

        private void textList(String field, JsonToken t, List<String> out) throws IOException {
            if (t != JsonToken.START_ARRAY) {
                throw error(field, "expected a list of cause ids, got " + describe(t));
            }
            while (next() != JsonToken.END_ARRAY) {
                out.add(scalarText(field));
            }
        }

        private Object scalar(String field, JsonToken t) throws IOException {
            return switch (t) {
                case VALUE_STRING -> {
                    String text = p.getText();
                    if (text.length() > MAX_TEXT) {
                        // JSON parsers enforce this while reading; the YAML parser does not
                        throw error(field, "text of " + text.length() + " characters; the limit is " + MAX_TEXT);
                    }
                    yield text;
                }
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                case VALUE_NUMBER_INT -> {
                    if (p.getTextLength() > 64) { // JSON parsers enforce this while reading; the YAML parser does not
                        throw error(field, "a number is longer than 64 digits (the limit)");
                    }
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw error(field, "number " + p.getText() + " is too large");
                    }
                    yield p.getLongValue();
                }
                case VALUE_NUMBER_FLOAT -> {
                    String text = p.getText();
                    char last = text.isEmpty() ? '0' : Character.toLowerCase(text.charAt(text.length() - 1));
                    if (text.length() > 64) {
                        throw error(field, "a number is longer than 64 digits (the limit)");
                    }
                    double d = last == 'n' || last == 'f' ? Double.NaN : p.getDoubleValue(); // YAML's .nan, .inf, -.inf
                    if (!Double.isFinite(d)) { // also what overflows, like 1e400
                        throw error(field, "expected a finite number, got " + text.trim());
                    }
                    yield d;
                }
                default -> throw error(field, "expected a single value (text, number or true/false), got " + describe(t));
            };
        }

        private String scalarText(String field) throws IOException {
            Object v = scalar(field, p.currentToken());
            if (v == null) {
                throw error(field, "has no value");
            }
            return v instanceof String s ? s : p.getText();
        }

        private long wholeNumber(String field, JsonToken t, long min, long max) throws IOException {
            Object v = scalar(field, t);
            long n;
            if (v instanceof Long l) {
                n = l;
            } else if (v instanceof String s && s.trim().matches("-?\\d{1,18}")) {
                n = Long.parseLong(s.trim());
            } else {
                throw error(field, "expected a whole number, got " + (v instanceof String s ? "\"" + s + "\"" : v));
            }
            if (n < min || n > max) {
                String range = max == Long.MAX_VALUE ? " of " + min + " or more" : " " + min + ".." + max;
                throw error(field, "expected a whole number" + range + ", got " + n + " (out of range)");
            }
            return n;
        }

        private String timestamp(String field) throws IOException {
            String text = scalarText(field).trim();
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    LocalDate.parse(text);
                } catch (DateTimeParseException e2) {
                    throw error(field, "expected an ISO-8601 time such as 2026-11-20T09:14:00Z, got \"" + text + "\"");
                }
            }
            return text;
        }

        /**
         * Whether the text at hand is the key of a YAML "key: value" line that is over YAML's limit of 1,024 characters for
         * a plain key: SnakeYAML reads it as text and the ':' after it as a syntax error. Reads on: only asked on the way to an error.
         */
        private boolean overlongYamlKey() {
            try {
                if (yamlAliases == null || p.getTextLength() <= YAML_KEY_LIMIT) {
                    return false;
                }
                p.nextToken();
                return false;
            } catch (IOException | RuntimeException e) {
                return String.valueOf(e.getMessage()).startsWith("mapping values are not allowed here");
            }
        }

        private String describe(JsonToken t) {
            if (t == null) {
                return "end of document";
            }
            return switch (t) {
                case START_OBJECT -> "a map";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "text";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "true/false";
                case VALUE_NULL -> "nothing (null)";
                default -> t.toString();
            };
        }
    }
}

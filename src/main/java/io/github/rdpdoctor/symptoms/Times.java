package io.github.rdpdoctor.symptoms;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The contract's ISO-8601 times ({@code collected_at}, an event's {@code time}) as seconds since the epoch. */
public final class Times {
    /** For a time that is missing or not ISO-8601. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private Times() {
    }

    /**
     * Seconds since the epoch of {@code 2026-11-20T09:14:00Z}, {@code 2026-11-20T10:14:00+01:00} or {@code 2026-11-20}
     * (midnight UTC); {@link #UNKNOWN} for anything else. The common UTC form is read without a parser: a diagnosis
     * reads every event's time.
     */
    public static long epochSecond(String iso) {
        if (iso == null || iso.isEmpty()) {
            return UNKNOWN;
        }
        if (iso.length() == 20 && iso.charAt(19) == 'Z' && iso.charAt(4) == '-' && iso.charAt(7) == '-'
                && iso.charAt(10) == 'T' && iso.charAt(13) == ':' && iso.charAt(16) == ':') {
            int y = digits(iso, 0, 4);
            int mo = digits(iso, 5, 7);
            int d = digits(iso, 8, 10);
            int h = digits(iso, 11, 13);
            int mi = digits(iso, 14, 16);
            int s = digits(iso, 17, 19);
            if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60) {
                try {
                    return LocalDate.of(y, mo, d).toEpochDay() * 86_400L + h * 3_600L + mi * 60L + s;
                } catch (java.time.DateTimeException e) {
                    return UNKNOWN; // 2026-02-30
                }
            }
        }
        try {
            return OffsetDateTime.parse(iso).toEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(iso).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return UNKNOWN;
            }
        }
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}

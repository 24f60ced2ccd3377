package io.github.rdpdoctor.symptoms;

import java.util.Objects;

/**
 * A Windows event seen on the RDP host, as rules see it: {@code HostEvent(id == 1058)}.
 * {@code source} is the provider name, e.g. {@code Microsoft-Windows-TerminalServices-RemoteConnectionManager}.
 */
public final class HostEvent extends FileFact {
    private final String log;
    private final String source;
    private final int id;
    private final String time;
    private final long epochSecond;
    private final String message;

    public HostEvent(String log, String source, int id, String time, String message) {
        super(FileView.NONE);
        this.log = log == null ? "" : log;
        this.source = source == null ? "" : source;
        this.id = id;
        this.time = time == null ? "" : time;
        this.epochSecond = Times.epochSecond(this.time);
        this.message = message == null ? "" : message;
    }

    private HostEvent(HostEvent o, FileView file) {
        super(file);
        this.log = o.log;
        this.source = o.source;
        this.id = o.id;
        this.time = o.time;
        this.epochSecond = o.epochSecond;
        this.message = o.message;
    }

    /** A copy that sees {@code file}. */
    HostEvent seeing(FileView file) {
        return new HostEvent(this, file);
    }

    public String getLog() {
        return log;
    }

    public String getSource() {
        return source;
    }

    public int getId() {
        return id;
    }

    public String getTime() {
        return time;
    }

    /** {@link #getTime()} in seconds since the epoch, or {@link Times#UNKNOWN} when there is none. */
    public long getEpochSecond() {
        return epochSecond;
    }

    public String getMessage() {
        return message;
    }

    /** True when the provider name contains {@code part}, ignoring case (e.g. "Schannel"). */
    public boolean fromSource(String part) {
        return source.toLowerCase(java.util.Locale.ROOT).contains(part.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostEvent e && e.id == id && e.log.equals(log) && e.source.equals(source)
                && e.time.equals(time) && e.message.equals(message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(log, source, id, time, message);
    }

    @Override
    public String toString() {
        return source + " " + id + (time.isEmpty() ? "" : " at " + time);
    }
}

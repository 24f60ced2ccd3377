package io.github.rdpdoctor.collectors.windows;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rdpdoctor.symptoms.UserSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host: sessions and the RDP listener from the text of {@code qwinsta} and {@code quser} (in the OS
 * language: English, German, French and Spanish state words are known), and the session limit.
 * <ul>
 *   <li>sessions: one {@link UserSession} per quser line (idle time read from ".", "none", "5", "1:05",
 *       "2+03:10"); when quser gives nothing, qwinsta's user sessions without idle time;</li>
 *   <li>{@code server.listener_state}: {@code listen} when qwinsta lists the rdp-tcp listener in the
 *       Listen state, else {@code down};</li>
 *   <li>{@code server.session_count}: user sessions other than the console;</li>
 *   <li>{@code server.session_limit}: MaxInstanceCount (policy first, then RDP-Tcp; 0xFFFFFFFF means no
 *       limit); without one, 2 on a server that is not an RD Session Host (TerminalServerMode 0), 1 on a
 *       client edition (ProductType 1).</li>
 * </ul>
 */
public final class SessionsCollector extends WindowsCollector {
    /** A quser line: user, optional session name, id, state, idle time, logon time. */
    private static final Pattern QUSER = Pattern.compile("^[ >]?(\\S+)\\s+(?:(\\S+)\\s+)?(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S.*?)\\s*$");
    /** A qwinsta line: optional session name, optional user, id, state. */
    private static final Pattern QWINSTA = Pattern.compile("^[ >]?(\\S+)?\\s+(?:(\\S+)\\s+)?(\\d+)\\s+(\\S+)(?:\\s.*)?$");

    public SessionsCollector() {
    }

    public SessionsCollector(CommandRunner runner, Supplier<String> osName, Clock clock) {
        super(runner, osName, clock);
    }

    @Override
    public String name() {
        return "windows-sessions";
    }

    @Override
    public String snippet() {
        return "sessions.ps1";
    }

    @Override
    public Set<Side> sides() {
        return hostOnly();
    }

    @Override
    public Set<String> produces() {
        return Set.of("server.listener_state", "server.session_count", "server.session_limit");
    }

    /** One parsed session line. */
    record Line(String sessionName, String user, long id, String state, long idleMinutes) {
    }

    @Override
    protected void parse(JsonNode root, WinFacts facts) {
        if (!root.isObject()) {
            facts.warn("unexpected output: expected an object with Qwinsta and Quser");
            return;
        }
        List<String> qwinsta = lines(PsJson.field(root, "Qwinsta"));
        List<String> quser = lines(PsJson.field(root, "Quser"));
        long qwinstaExit = PsJson.integer(root, "QwinstaExitCode").orElse(0);
        long quserExit = PsJson.integer(root, "QuserExitCode").orElse(0);

        List<Line> winstations = parseQwinsta(qwinsta, facts);
        boolean qwinstaOk = qwinstaExit == 0 && !winstations.isEmpty();
        if (qwinstaOk) {
            boolean listening = winstations.stream().anyMatch(l -> l.sessionName() != null
                    && l.sessionName().equalsIgnoreCase("rdp-tcp") && "listen".equals(l.state()));
            facts.put("server.listener_state", listening ? "listen" : "down");
        } else if (!qwinsta.isEmpty()) {
            facts.warn("qwinsta failed (exit code " + qwinstaExit + "): " + qwinsta.get(0).strip());
        }

        List<Line> users = parseQuser(quser, facts);
        boolean quserOk = quserExit == 0 && !users.isEmpty();
        boolean noUsers = quserExit == 1 && users.isEmpty() && quser.size() <= 2
                && quser.stream().anyMatch(l -> l.strip().endsWith("*"));
        if (!quserOk && !noUsers && qwinstaOk) {
            // quser missing or failing: qwinsta's sessions with a user, without idle time
            users = winstations.stream().filter(l -> l.user() != null && l.state() != null && !"listen".equals(l.state())).toList();
            if (!quser.isEmpty()) {
                facts.warn("quser failed (exit code " + quserExit + "): " + quser.get(0).strip() + "; sessions from qwinsta");
            }
        }
        if (quserOk || noUsers || qwinstaOk) {
            for (Line l : users) {
                facts.session(new UserSession(l.user(), l.state(), l.idleMinutes()));
            }
            long count = users.stream().filter(l -> l.sessionName() == null || !l.sessionName().equalsIgnoreCase("console")).count();
            facts.put("server.session_count", count);
        }
        limit(root, facts);
    }

    private static List<String> lines(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : PsJson.rows(n)) {
            if (l.isTextual() && !l.asText().isBlank()) {
                out.addAll(List.of(l.asText().split("\\R")));
            }
        }
        out.removeIf(String::isBlank);
        return out;
    }

    /** The quser table, header skipped; unreadable lines become warnings. */
    static List<Line> parseQuser(List<String> lines, WinFacts facts) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == 0 && !l.matches(".*\\s\\d+\\s.*")) {
                continue; // header: USERNAME SESSIONNAME ID STATE IDLE TIME LOGON TIME (localized)
            }
            Matcher m = QUSER.matcher(l);
            if (!m.matches()) {
                if (l.strip().endsWith("*")) {
                    continue; // "No User exists for *"
                }
                facts.warn("unreadable quser line: " + l.strip());
                continue;
            }
            Optional<String> state = WindowsFacts.sessionState(m.group(4));
            if (state.isEmpty()) {
                facts.warn("unknown session state '" + m.group(4) + "' for " + m.group(1));
            }
            long idle = WindowsFacts.idleMinutes(m.group(5));
            out.add(new Line(m.group(2), m.group(1), Long.parseLong(m.group(3)),
                    state.orElse(m.group(4).toLowerCase(Locale.ROOT)), idle));
        }
        return out;
    }

    /** The qwinsta table, header skipped. Columns: SESSIONNAME USERNAME ID STATE TYPE DEVICE. */
    static List<Line> parseQwinsta(List<String> lines, WinFacts facts) {
        List<Line> out = new ArrayList<>();
        int userColumn = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == 0 && !l.matches(".*\\s\\d+\\s.*") && !l.matches(".*\\s\\d+$")) {
                // header: the user column starts at the second word
                Matcher h = Pattern.compile("^[ >]?\\S+\\s+(\\S)").matcher(l);
                if (h.find()) {
                    userColumn = h.start(1);
                }
                continue;
            }
            Matcher m = QWINSTA.matcher(l);
            if (!m.matches()) {
                continue; // qwinsta prints nothing else of interest
            }
            String first = m.group(1);
            String second = m.group(2);
            String session;
            String user;
            if (second != null) {
                session = first;
                user = second;
            } else if (first != null && userColumn > 0 && l.length() > userColumn && l.indexOf(first) >= userColumn - 1) {
                session = null; // a disconnected session has no session name: the word is in the user column
                user = first;
            } else {
                session = first;
                user = null;
            }
            Optional<String> state = WindowsFacts.sessionState(m.group(4));
            out.add(new Line(session, user, Long.parseLong(m.group(3)),
                    state.orElse(m.group(4).toLowerCase(Locale.ROOT)), -1));
        }
        return out;
    }

    private static void limit(JsonNode root, WinFacts facts) {
        OptionalLong policy = PsJson.integer(PsJson.field(root, "PolicyLimits"), "MaxInstanceCount");
        OptionalLong rdpTcp = PsJson.integer(PsJson.field(root, "RdpTcpLimits"), "MaxInstanceCount");
        OptionalLong mode = PsJson.integer(root, "TerminalServerMode");
        OptionalLong productType = PsJson.integer(root, "ProductType");
        sessionLimit(policy, rdpTcp, mode, productType).ifPresent(x -> facts.put("server.session_limit", x));
    }

    /** The session limit rule; shared with the osquery ingester. */
    public static OptionalLong sessionLimit(OptionalLong policy, OptionalLong rdpTcp, OptionalLong terminalServerMode,
                                            OptionalLong productType) {
        for (OptionalLong v : List.of(policy, rdpTcp)) {
            if (v.isPresent()) {
                long n = v.getAsLong() & 0xFFFFFFFFL;
                if (n > 0 && n < 0xFFFFFFFFL) {
                    return OptionalLong.of(n);
                }
            }
        }
        if (productType.isPresent() && productType.getAsLong() == 1) {
            return OptionalLong.of(1);
        }
        if (terminalServerMode.isPresent() && terminalServerMode.getAsLong() == 0) {
            return OptionalLong.of(2);
        }
        return OptionalLong.empty();
    }
}

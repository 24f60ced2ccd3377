package io.github.rdpdoctor.collectors.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rdpdoctor.collectors.CollectorResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Output no parser expects (wrong shapes, wrong types, truncated JSON, errors): warnings, never an exception. */
class RobustnessTest {
    static final List<String> GARBAGE = List.of("", "   \r\n", "not json at all", "[1,2,3]", "{\"x\":1}", "null", "true",
            "\"just text\"", "{\"Name\":\"TermSer", "[{\"Name\":null,\"Status\":\"weird\"}]",
            "{\"TerminalServer\":[1],\"RdpTcp\":\"x\",\"Policy\":{\"SecurityLayer\":\"two\"},\"Tls12Server\":{\"Enabled\":1.5}}",
            "{\"Profiles\":{\"NetworkCategory\":\"Public\"},\"FirewallProfiles\":7,\"Rules\":[{\"Enabled\":true,\"Profile\":\"Any\"}],\"PortRules\":{}}",
            "{\"Now\":\"yesterday\",\"ConfiguredThumbprint\":[1],\"Certificates\":[{\"NotAfter\":\"\\/Date(oops)\\/\"},{\"NotAfter\":{\"value\":\"\\/Date(1800000000000)\\/\",\"DisplayHint\":2}}],\"KeyFiles\":\"f686\",\"KeyAccess\":[{\"Rights\":\"Read\"}]}",
            "{\"Qwinsta\":\"one line only\",\"Quser\":[5,null,{\"a\":1}],\"QuserExitCode\":\"x\",\"PolicyLimits\":{\"MaxInstanceCount\":\"lots\"}}",
            "[{\"Id\":\"1058\",\"TimeCreated\":12},{\"Id\":99999999},{\"LogName\":[]}]",
            "{\"TerminalServerMode\":\"1\",\"GracePeriodDays\":-5,\"LicenseServers\":[{\"Name\":null}]}",
            "{\"HotFixes\":{\"value\":[{\"HotFixID\":\"KB1\",\"InstalledOn\":\"2\\/30\\/2024\"}],\"Count\":1},\"CurrentBuild\":\"abc\"}",
            "{\"AntiVirus\":\"Defender\",\"Services\":[{\"Name\":\"AVP\",\"Status\":\"Running\"}]}",
            "{\"Caption\":12,\"ProductType\":\"one\",\"ChassisAssetTag\":[\"7783\"]}",
            "{\"CmdkeyTargets\":\"TERMSRV/x\",\"Servers\":{\"Name\":\"x\"},\"DefaultRdp\":[],\"AllowEncryptionOracle\":7}",
            "{\"Adapters\":[{\"InterfaceDescription\":null,\"Status\":4}],\"VpnConnections\":\"none\"}");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (WindowsCollector c : WindowsCollection.collectors(new FakeRunner(), () -> "Windows 10", Recordings.CLOCK)) {
            for (String g : GARBAGE) {
                out.add(Arguments.of(c.name(), g, 0));
                out.add(Arguments.of(c.name(), g, 1));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} exit {2}: {1}")
    @MethodSource("cases")
    void unexpectedOutputNeverThrows(String collector, String stdout, int exit) {
        WindowsCollector c = WindowsCollection.collectors(new FakeRunner(), () -> "Windows 10", Recordings.CLOCK).stream()
                .filter(x -> x.name().equals(collector)).findFirst().orElseThrow();
        for (Side side : Side.values()) {
            CommandResult run = new CommandResult(exit, stdout, exit == 0 ? "" : "Something : went wrong\n    + CategoryInfo : x", false);
            CollectorResult r = c.interpret(run, side, "host.example", Recordings.NOW);
            assertFalse(r.warnings().stream().anyMatch(w -> w.startsWith("could not read the output")), r.warnings().toString());
            if (exit != 0) {
                assertTrue(r.warnings().get(0).startsWith("PowerShell failed (exit code 1): Something : went wrong"), r.warnings().toString());
            }
            if (stdout.strip().startsWith("not json") || stdout.startsWith("{\"Name\":\"TermSer")) {
                assertTrue(r.warnings().stream().anyMatch(w -> w.contains("not JSON")), r.warnings().toString());
                assertTrue(r.symptoms().isEmpty());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("collectorNames")
    void aKilledRunIsAWarning(String collector) {
        WindowsCollector c = WindowsCollection.collectors(new FakeRunner(), () -> "Windows 10", Recordings.CLOCK).stream()
                .filter(x -> x.name().equals(collector)).findFirst().orElseThrow();
        CollectorResult r = c.interpret(new CommandResult(-1, "", "", true), Side.HOST, null, Recordings.NOW);
        assertEquals(List.of("PowerShell did not finish in time and was stopped; facts may be missing"), r.warnings());
        assertTrue(r.symptoms().isEmpty());
    }

    static Stream<String> collectorNames() {
        return WindowsCollection.collectors(new FakeRunner(), () -> "Windows 10", Recordings.CLOCK).stream().map(WindowsCollector::name);
    }
}

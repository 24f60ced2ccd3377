package io.github.rdpdoctor.collectors.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Windows PowerShell 5.1 ConvertTo-Json quirks. */
class PsJsonTest {

    static JsonNode json(String s) throws PsJson.NotJsonException {
        return PsJson.parse(s);
    }

    @Test
    void datesAsPowerShell51WritesThem() throws Exception {
        Instant t = Instant.parse("2023-11-14T22:13:20Z");
        assertEquals(Optional.of(t), PsJson.instant(json("{\"d\":\"\\/Date(1700000000000)\\/\"}"), "d"));
        assertEquals(Optional.of(t), PsJson.instant(json("{\"d\":\"\\/Date(1700000000000+0100)\\/\"}"), "d"), "offset only tells the zone");
        assertEquals(Optional.of(t), PsJson.instant(json("{\"d\":{\"value\":\"\\/Date(1700000000000)\\/\",\"DisplayHint\":2,"
                + "\"DateTime\":\"Tuesday, November 14, 2023 11:13:20 PM\"}}"), "d"), "Get-Date output carries note properties");
        assertEquals(Optional.of(t), PsJson.instant(json("{\"d\":\"2023-11-14T22:13:20.0000000Z\"}"), "d"));
        assertEquals(Optional.of(Instant.parse("2023-11-14T00:00:00Z")), PsJson.instant(json("{\"d\":\"11/14/2023\"}"), "d"), "WMI InstalledOn");
        assertEquals(Optional.of(Instant.parse("2023-11-14T00:00:00Z")), PsJson.instant(json("{\"d\":\"20231114\"}"), "d"));
        assertEquals(Optional.empty(), PsJson.instant(json("{\"d\":\"\\/Date(-62135596800000)\\/\"}"), "d"), "DateTime.MinValue");
        assertEquals(Optional.empty(), PsJson.instant(json("{\"d\":null}"), "d"));
        assertEquals(Optional.empty(), PsJson.instant(json("{\"d\":\"soon\"}"), "d"));
    }

    @Test
    void nothingOneObjectOrAnArray() throws Exception {
        assertTrue(json("").isMissingNode(), "an empty pipeline prints nothing");
        assertTrue(json("\uFEFF \r\n").isMissingNode());
        assertEquals(0, PsJson.rows(json("")).size());
        assertEquals(1, PsJson.rows(json("{\"Name\":\"TermService\"}")).size());
        assertEquals(2, PsJson.rows(json("[{\"a\":1},null,{\"a\":2}]")).size());
        assertEquals(2, PsJson.rows(json("{\"value\":[{\"a\":1},{\"a\":2}],\"Count\":2}")).size(), "PSObject-wrapped array");
        assertEquals(1, PsJson.rows(json("{\"value\":[1],\"Count\":1,\"Other\":3}")).size(), "an object that only looks like the wrapper");
    }

    @Test
    void strayOutputBeforeTheDocumentIsSkippedAndTextIsNotJson() throws Exception {
        assertEquals("x", PsJson.text(json("True\n{\"a\":\"x\"}"), "a").orElseThrow());
        assertThrows(PsJson.NotJsonException.class, () -> json("Access is denied."));
    }

    @Test
    void numbersBooleansAndCaseInsensitiveNames() throws Exception {
        JsonNode n = json("{\"Status\":4,\"big\":\"4294967295\",\"neg\":-1,\"hex\":\"0x10\",\"f\":1.0,\"b\":\"True\",\"no\":\"abc\"}");
        assertEquals(OptionalLong.of(4), PsJson.integer(n, "status"));
        assertEquals(OptionalLong.of(4294967295L), PsJson.integer(n, "big"));
        assertEquals(OptionalLong.of(-1), PsJson.integer(n, "neg"));
        assertEquals(OptionalLong.of(16), PsJson.integer(n, "hex"));
        assertEquals(OptionalLong.of(1), PsJson.integer(n, "f"));
        assertEquals(OptionalLong.empty(), PsJson.integer(n, "no"));
        assertEquals(Optional.of(true), PsJson.bool(n, "b"));
    }
}

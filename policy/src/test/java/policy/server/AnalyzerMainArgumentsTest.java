package policy.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnalyzerMainArgumentsTest {

    @Test
    void engineFlagsAreIgnoredAndTheLastPositionalIsTheEngineAddress() {
        AnalyzerMain.Arguments args = AnalyzerMain.Arguments.parse(new String[] {
                "--logtostderr", "-v=9", "--logflow", "--tracing", "http://127.0.0.1:9/trace", "127.0.0.1:40123"});

        assertEquals(new AnalyzerMain.Arguments("127.0.0.1:40123", null), args);
    }

    @Test
    void shimModeDotAndOptionsAreIgnoredAndPackCanBeChosen() {
        AnalyzerMain.Arguments args = AnalyzerMain.Arguments.parse(new String[] {
                "--pack", "policy.sample.SamplePack", "127.0.0.1:5", ".", "-binary=x", "--tracing=file:/dev/null"});

        assertEquals(new AnalyzerMain.Arguments("127.0.0.1:5", "policy.sample.SamplePack"), args);
    }

    @Test
    void noArgumentsMeansNoEngineAddress() {
        assertEquals(new AnalyzerMain.Arguments("", null), AnalyzerMain.Arguments.parse(new String[0]));
    }
}

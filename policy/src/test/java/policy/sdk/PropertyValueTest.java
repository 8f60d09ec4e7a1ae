package policy.sdk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static policy.testing.Fixtures.ARCHIVE;
import static policy.testing.Fixtures.ASSET;
import static policy.testing.Fixtures.SIG;
import static policy.testing.Fixtures.secret;
import static policy.testing.Fixtures.struct;

class PropertyValueTest {

    private static PropertyValue root(String json) {
        return PropertyValue.root(struct(json));
    }

    @Test
    void readsPlainValuesByDottedAndBracketPaths() {
        PropertyValue props = root("{'name':'orders','delay':30,'fifo':true,"
                + "'rules':[{'ports':[80,443]}],'tags':{'kubernetes.io/role':'x','Environment':'dev'}}");

        assertEquals(Optional.of("orders"), props.at("name").string());
        assertEquals(Optional.of(30L), props.at("delay").integer());
        assertEquals(Optional.of(30.0), props.at("delay").number());
        assertEquals(Optional.of(true), props.at("fifo").bool());
        assertEquals(Optional.of(443L), props.at("rules.0.ports.1").integer());
        assertEquals(Optional.of(443L), props.at("rules[0].ports[1]").integer());
        assertEquals(Optional.of("x"), props.at("tags[\"kubernetes.io/role\"]").string());
        assertEquals(Map.of("kubernetes.io/role", "x", "Environment", "dev"), props.at("tags").stringMap());
        assertEquals("rules[0].ports[1]", props.at("rules.0.ports.1").path());
        assertEquals("tags[\"kubernetes.io/role\"]", props.at("tags").fields().get("kubernetes.io/role").path());
    }

    @Test
    void missingAndNullPathsReadAsEmpty() {
        PropertyValue props = root("{'a':null,'list':[]}");

        assertEquals(Optional.empty(), props.at("a").string());
        assertEquals(Optional.empty(), props.at("a.b.c").string());
        assertEquals(Optional.empty(), props.at("nothing.here").integer());
        assertEquals(Optional.empty(), props.at("list.5").string());
        assertEquals(List.of(), props.at("nothing").items());
        assertEquals(Map.of(), props.at("a").fields());
        assertTrue(props.at("a").isNull());
        assertTrue(props.at("nothing").isMissing());
        assertFalse(props.at("a").isPresent());
    }

    @Test
    void wrongKindsThrowWithPathExpectedAndActual() {
        PropertyValue props = root("{'delay':30.5,'name':'x','tags':['a'],'list':[1]}");

        assertEquals("expected a string at 'delay', got number",
                assertThrows(PropertyTypeException.class, () -> props.at("delay").string()).getMessage());
        assertEquals("expected an integer at 'delay', got 30.5",
                assertThrows(PropertyTypeException.class, () -> props.at("delay").integer()).getMessage());
        assertEquals("expected an object at 'tags', got list",
                assertThrows(PropertyTypeException.class, () -> props.at("tags").stringMap()).getMessage());
        assertEquals("expected an object at 'name', got string",
                assertThrows(PropertyTypeException.class, () -> props.at("name.inner")).getMessage());
        assertEquals("expected a string at 'list[0]', got number",
                assertThrows(PropertyTypeException.class, () -> props.at("list").stringList()).getMessage());
    }

    @Test
    void secretsAreUnwrappedAndMarkedDownTheTree() {
        PropertyValue props = root("{'password':" + secret("'hunter2'") + ",'conf':" + secret("{'url':'https://x'}")
                + ",'plain':'p'}");

        assertEquals(Optional.of("hunter2"), props.at("password").string());
        assertTrue(props.at("password").isSecret());
        assertEquals(Optional.of("https://x"), props.at("conf.url").string());
        assertTrue(props.at("conf.url").isSecret());
        assertFalse(props.at("plain").isSecret());
        assertEquals(Map.of("password", "hunter2", "conf", Map.of("url", "https://x"), "plain", "p"), props.toJava());
    }

    @Test
    void assetsAndArchivesAreRecognised() {
        PropertyValue props = root("{'code':{'" + SIG + "':'" + ARCHIVE + "','assets':{'index.js':{'" + SIG + "':'" + ASSET
                + "','text':'exports.h=1'}}},'file':{'" + SIG + "':'" + ASSET + "','path':'./a.txt','hash':'abc'}}");

        Asset file = props.at("file").asset().orElseThrow();
        assertEquals(Optional.of("./a.txt"), file.path());
        assertEquals(Optional.of("abc"), file.hash());
        assertEquals(Optional.empty(), file.text());
        Archive code = props.at("code").archive().orElseThrow();
        assertEquals(Optional.of("exports.h=1"), code.assets().get("index.js").asset().orElseThrow().text());
        assertEquals(PropertyValue.Kind.ASSET, props.at("file").kind());
        assertEquals("expected an asset at 'code', got archive",
                assertThrows(PropertyTypeException.class, () -> props.at("code").asset()).getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7, boolean",
            "3eeb2bf0-c639-47a8-9e75-3b44932eb421, number",
            "04da6b54-80e4-46f7-96ec-b56ff0331ba9, string",
            "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2, array",
            "030794c1-ac77-496b-92df-f27374a8bd58, asset",
            "e48ece36-62e2-4504-bad9-02848725956a, archive",
            "dd056dcd-154b-4c76-9bd3-c8f88648b5ff, object"})
    void everyUnknownSentinelIsRecognisedAndThrowsOnRead(String sentinel, String kind) {
        PropertyValue props = root("{'a':{'b':'" + sentinel + "'},'s':" + secret("'" + sentinel + "'") + "}");

        assertTrue(props.at("a.b").isUnknown());
        assertEquals(Optional.of(kind), props.at("a.b").unknownKind());
        assertTrue(props.containsUnknown());
        UnknownValueException e = assertThrows(UnknownValueException.class, () -> props.at("a.b").string());
        assertEquals("a.b", e.path());
        assertEquals(kind, e.kind());
        assertThrows(UnknownValueException.class, () -> props.at("a.b.deeper").bool());
        assertThrows(UnknownValueException.class, () -> props.at("s").items());
        assertThrows(UnknownValueException.class, props::toJava);
    }

    @Test
    void jsonStringsParseIntoNavigableValues() {
        PropertyValue props = root("{'policy':'{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\"}]}','bad':'{nope'}");

        assertEquals(Optional.of("Allow"), props.at("policy").json().orElseThrow().at("Statement.0.Effect").string());
        assertTrue(assertThrows(PropertyTypeException.class, () -> props.at("bad").json()).getMessage()
                .startsWith("expected JSON text at 'bad'"));
        assertEquals(Optional.empty(), props.at("none").json());
    }

    @Test
    void resourceReferencesAndOutputValuesAreToleratedDefensively() {
        PropertyValue props = root("{'ref':{'" + SIG + "':'5cf8f73096256a8f31e491e813e4eb8e','urn':'urn:x','id':'vpc-1'},"
                + "'out':{'" + SIG + "':'d0e6a833031e9bbcd3f4e8bde6ca49a4','value':'v','secret':true},"
                + "'pending':{'" + SIG + "':'d0e6a833031e9bbcd3f4e8bde6ca49a4'}}");

        assertEquals(Optional.of("vpc-1"), props.at("ref").string());
        assertEquals(Optional.of("v"), props.at("out").string());
        assertTrue(props.at("out").isSecret());
        assertTrue(props.at("pending").isUnknown());
    }

    @Test
    void malformedPathsAreRejected() {
        PropertyValue props = root("{}");

        assertEquals("unclosed '[' in property path 'a[0'",
                assertThrows(IllegalArgumentException.class, () -> props.at("a[0")).getMessage());
        assertEquals("empty segment in property path 'a..b'",
                assertThrows(IllegalArgumentException.class, () -> props.at("a..b")).getMessage());
    }

    @Test
    void anEncryptedSecretReadsAsUnknownAndSaysSoDownToItsChildren() {
        com.google.protobuf.Struct props = com.google.protobuf.Struct.newBuilder()
                .putFields("key", Wire.encryptedSecret())
                .putFields("pending", Wire.secret(com.google.protobuf.Value.newBuilder().setStringValue(Wire.UNKNOWN_STRING).build()))
                .build();
        PropertyValue key = PropertyValue.root(props).get("key");

        assertTrue(key.isUnknown());
        assertTrue(key.isSecret());
        assertTrue(key.isEncryptedSecret());
        assertTrue(key.at("a.b").isEncryptedSecret());
        UnknownValueException e = assertThrows(UnknownValueException.class, () -> key.at("a").string());
        assertTrue(e.encryptedSecret());
        assertEquals("value at 'key.a' is an encrypted secret that cannot be read", e.getMessage());
        assertFalse(PropertyValue.root(props).get("pending").isEncryptedSecret());
        assertFalse(assertThrows(UnknownValueException.class, () -> PropertyValue.root(props).get("pending").string()).encryptedSecret());
    }
}

package policy.sdk;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static policy.testing.Fixtures.secret;
import static policy.testing.Fixtures.struct;

class PropertyEditTest {

    private static ResourceView view(String json) {
        return ResourceView.of(ResourceInput.of("t:m:T", "urn:x", "x", struct(json)));
    }

    @Test
    void setsNestedPathsAndKeepsEverythingElse() {
        ResourceView r = view("{'__defaults':['name'],'a':{'b':1},'list':[{'x':1},{'x':2}]}");

        var result = r.edit().set("a.c", "new").set("list.1.x", 3).set("fresh.deep", List.of("v")).result();

        assertEquals(struct("{'__defaults':['name'],'a':{'b':1,'c':'new'},'list':[{'x':1},{'x':3}],'fresh':{'deep':['v']}}"), result);
    }

    @Test
    void valuesWrittenWhereSecretsWereStaySecret() {
        ResourceView r = view("{'password':" + secret("'old'") + ",'conf':" + secret("{'a':1,'b':2}") + "}");

        var result = r.edit().set("password", "new").set("conf.b", 3).result();

        assertEquals(struct("{'password':" + secret("'new'") + ",'conf':" + secret("{'a':1,'b':3}") + "}"), result);
    }

    @Test
    void removesKeysAndListElements() {
        ResourceView r = view("{'a':{'b':1,'c':2},'l':[1,2,3]}");

        assertEquals(struct("{'a':{'c':2},'l':[1,3]}"), r.edit().remove("a.b").remove("l.1").remove("absent").result());
    }

    @Test
    void convertsJavaValuesAndRejectsOthers() {
        ResourceView r = view("{}");

        assertEquals(struct("{'m':{'k':[true,null,1.5]}}"),
                r.edit().set("m", Map.of("k", java.util.Arrays.asList(true, null, 1.5))).result());
        assertEquals("cannot put a java.lang.Object into resource properties",
                assertThrows(IllegalArgumentException.class, () -> r.edit().set("x", new Object())).getMessage());
        assertEquals("'name.inner' goes through a STRING_VALUE, not an object",
                assertThrows(IllegalArgumentException.class, () -> view("{'name':'x'}").edit().set("name.inner", 1)).getMessage());
    }
}

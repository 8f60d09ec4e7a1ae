package orders.producer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.math.BigDecimal;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a consumer may rely on in an order message. */
final class ValidOrders {
    private ValidOrders() {
    }

    static void assertValid(String body) {
        JsonObject o = JsonParser.parseString(body).getAsJsonObject();
        assertTrue(o.get("orderId").getAsString().matches("order-[0-9a-f-]{36}"), body);
        assertTrue(o.get("customerId").getAsString().matches("customer-\\d+"), body);
        assertEquals("USD", o.get("currency").getAsString());
        Instant.parse(o.get("createdAt").getAsString());
        assertFalse(o.getAsJsonArray("items").isEmpty(), body);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonElement e : o.getAsJsonArray("items")) {
            JsonObject item = e.getAsJsonObject();
            int quantity = item.get("quantity").getAsInt();
            BigDecimal price = item.get("unitPrice").getAsBigDecimal();
            assertTrue(quantity >= 1 && quantity <= 4, body);
            assertTrue(price.signum() > 0, body);
            assertTrue(item.get("sku").getAsString().startsWith("SKU-"), body);
            sum = sum.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        assertEquals(0, sum.compareTo(o.get("total").getAsBigDecimal()), body);
    }
}

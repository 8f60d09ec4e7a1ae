package orders.producer;

import java.math.BigDecimal;
import java.util.List;

/** One generated order as it travels on the queue (serialized as JSON, amounts as decimal numbers). */
public record Order(String orderId, String customerId, List<Item> items, String currency, BigDecimal total,
                    String createdAt, String source) {

    public record Item(String sku, String name, int quantity, BigDecimal unitPrice) {
        BigDecimal lineTotal() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }
}

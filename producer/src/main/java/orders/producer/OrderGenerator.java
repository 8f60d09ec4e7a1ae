package orders.producer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Makes realistic test orders: one to five catalog items, quantities one to four, a consistent total. */
public final class OrderGenerator {
    private static final List<Order.Item> CATALOG = List.of(
            new Order.Item("SKU-1001", "Espresso beans 1kg", 1, new BigDecimal("24.90")),
            new Order.Item("SKU-1002", "Ceramic mug", 1, new BigDecimal("12.50")),
            new Order.Item("SKU-1003", "Pour-over kettle", 1, new BigDecimal("49.00")),
            new Order.Item("SKU-1004", "Paper filters (100)", 1, new BigDecimal("5.75")),
            new Order.Item("SKU-1005", "Burr grinder", 1, new BigDecimal("129.99")),
            new Order.Item("SKU-1006", "Milk frother", 1, new BigDecimal("34.95")));
    private static final int MAX_LINES = 5;
    private static final int MAX_QUANTITY = 4;
    private static final int CUSTOMERS = 5000;

    private final Random random;
    private final Clock clock;

    public OrderGenerator(Random random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    public List<Order> generate(int count) {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(next());
        }
        return orders;
    }

    private Order next() {
        List<Order.Item> items = new ArrayList<>();
        List<Order.Item> shuffled = new ArrayList<>(CATALOG);
        java.util.Collections.shuffle(shuffled, random);
        int lines = 1 + random.nextInt(MAX_LINES);
        for (Order.Item product : shuffled.subList(0, lines)) {
            items.add(new Order.Item(product.sku(), product.name(), 1 + random.nextInt(MAX_QUANTITY), product.unitPrice()));
        }
        BigDecimal total = items.stream().map(Order.Item::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        UUID id = new UUID(random.nextLong(), random.nextLong());
        return new Order("order-" + id, "customer-" + (1 + random.nextInt(CUSTOMERS)), List.copyOf(items), "USD",
                total, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), "order-producer");
    }
}

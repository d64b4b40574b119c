package id.sinergi.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class QueueGaugesTest {

    @Test
    void theGaugesShowTheCountAndTheOldestItemsAgeAndZeroOnceTheQueueIsEmpty() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        QueueGauges gauges =
                new QueueGauges(registry, "q.waiting", "waiting", "q.oldest.age", "age", Tags.of("a", "b"));

        gauges.update(3, OffsetDateTime.now().minusMinutes(2));
        double count = registry.get("q.waiting").tag("a", "b").gauge().value();
        double age = registry.get("q.oldest.age").tag("a", "b").gauge().value();
        gauges.update(0, null);

        assertThat(count).isEqualTo(3);
        assertThat(age).isBetween(119.0, 180.0);
        assertThat(registry.get("q.waiting").gauge().value()).isZero();
        assertThat(registry.get("q.oldest.age").gauge().value()).isZero();
    }
}

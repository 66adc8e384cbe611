package io.wirewatch.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link TestKafka} on the JVM's shared broker into test constructors, {@code @BeforeAll} and test
 * methods. Use {@code @ExtendWith(KafkaExtension.class)}.
 */
public final class KafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(TestKafka.class, k -> new ClosableTestKafka(SharedKafka.get()),
                ClosableTestKafka.class).kafka;
    }

    /** Closes the admin client when the test plan ends; the broker itself lives until the JVM exits. */
    private static final class ClosableTestKafka implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final TestKafka kafka;

        ClosableTestKafka(KafkaBackend backend) {
            this.kafka = new TestKafka(backend);
        }

        @Override
        public void close() {
            kafka.close();
        }
    }
}

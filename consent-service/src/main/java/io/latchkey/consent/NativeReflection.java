package io.latchkey.consent;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Classes Jackson instantiates reflectively (the {@code @JsonNaming} strategy of the internal-API records). */
@RegisterForReflection(targets = PropertyNamingStrategies.SnakeCaseStrategy.class)
final class NativeReflection {

    private NativeReflection() {
    }
}

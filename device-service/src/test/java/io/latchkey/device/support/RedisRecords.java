package io.latchkey.device.support;

import io.latchkey.device.device.DeviceCodes;
import io.quarkus.redis.datasource.RedisDataSource;

/** Record fields: Scripts (e = expiry ms, n = next poll allowed ms, i = interval). Reaches into the stored records to move time forward for a test (the service itself takes "now" from the clock). */
public final class RedisRecords {

    private RedisRecords() {
    }

    /** The one key of a device code's record: {@code <prefix>d:<locator>} (RedisDeviceAuthorizationStore). */
    public static String recordKey(String prefix, String deviceCode) {
        return prefix + "d:" + deviceCode.substring(0, DeviceCodes.LOCATOR_LENGTH);
    }

    public static void setField(RedisDataSource redis, String prefix, String deviceCode, String field, long value) {
        redis.hash(String.class).hset(recordKey(prefix, deviceCode), field, Long.toString(value));
    }

    public static String field(RedisDataSource redis, String prefix, String deviceCode, String field) {
        return redis.hash(String.class).hget(recordKey(prefix, deviceCode), field);
    }
}

package io.latchkey.device.support;

import io.latchkey.device.device.Hashes;
import io.quarkus.redis.datasource.RedisDataSource;

/** Reaches into the stored records to move time forward for a test (the service itself takes "now" from the clock). */
public final class RedisRecords {

    private RedisRecords() {
    }

    public static String recordKey(String prefix, String deviceCode) {
        return prefix + "device:code:" + Hashes.sha256(deviceCode);
    }

    public static void setField(RedisDataSource redis, String prefix, String deviceCode, String field, long value) {
        redis.hash(String.class).hset(recordKey(prefix, deviceCode), field, Long.toString(value));
    }

    public static String field(RedisDataSource redis, String prefix, String deviceCode, String field) {
        return redis.hash(String.class).hget(recordKey(prefix, deviceCode), field);
    }
}

package dev.fameharness.runner.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The JVM's peak heap use: the figure the harness reports for large runs. */
public final class HeapUse {

    private HeapUse() {
    }

    /** Peak heap use of this JVM so far: the sum of the heap pools' peak usage. */
    public static long peakBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}

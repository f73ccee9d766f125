package io.wabridge.sandbox.graph;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The planned failures, consumed in the order they were planned. */
@Component
class FaultPlan {

    private final List<Fault> pending = new ArrayList<>();
    private final List<Integer> remaining = new ArrayList<>();

    synchronized void add(Fault fault) {
        pending.add(fault);
        remaining.add(fault.count());
    }

    /** The first planned fault for a send to {@code waId}, counted as used; empty when the send should succeed. */
    synchronized Optional<Fault> take(String waId) {
        for (int i = 0; i < pending.size(); i++) {
            Fault fault = pending.get(i);
            if (fault.appliesTo(waId)) {
                int left = remaining.get(i) - 1;
                if (left == 0) {
                    pending.remove(i);
                    remaining.remove(i);
                } else {
                    remaining.set(i, left);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** The faults still planned, each with the number of sends it will still fail as its count. */
    synchronized List<Fault> list() {
        List<Fault> copy = new ArrayList<>();
        Iterator<Integer> counts = remaining.iterator();
        for (Fault fault : pending) {
            copy.add(new Fault(fault.code(), fault.httpStatus(), fault.message(), counts.next(), fault.recipient(),
                    fault.failedStatus()));
        }
        return copy;
    }

    synchronized void clear() {
        pending.clear();
        remaining.clear();
    }
}

package dev.fameharness.scenario.spi;

import dev.fameharness.api.error.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The scenarios on the class path ({@link ServiceLoader} over {@link ScenarioProvider}), by name. */
public final class Scenarios {

    private final Map<String, ScenarioProvider> byName;

    private Scenarios(Map<String, ScenarioProvider> byName) {
        this.byName = byName;
    }

    /** Every provider the class loader of this class sees; two providers with one name are an error. */
    public static Scenarios discover() {
        return of(ServiceLoader.load(ScenarioProvider.class, Scenarios.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** A catalog of these providers, for tests. */
    public static Scenarios of(List<ScenarioProvider> providers) {
        Map<String, ScenarioProvider> byName = new TreeMap<>();
        for (ScenarioProvider p : providers) {
            ScenarioProvider twice = byName.put(p.name(), p);
            if (twice != null) {
                throw new ConfigException("two scenario providers are named '" + p.name() + "': "
                        + twice.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new Scenarios(byName);
    }

    /** Known names in alphabetical order. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The provider named {@code name}, or a {@link ConfigException} naming the known ones. */
    public ScenarioProvider get(String name) {
        ScenarioProvider p = byName.get(name);
        if (p == null) {
            throw new ConfigException("unknown scenario '" + name + "'; known scenarios: "
                    + (byName.isEmpty() ? "none (no scenario module on the class path)" : String.join(", ", names())));
        }
        return p;
    }

    /** The name of the provider marked {@link ScenarioProvider#isDefault()}, else the first name. */
    public String defaultName() {
        return byName.values().stream().filter(ScenarioProvider::isDefault).map(ScenarioProvider::name).findFirst()
                .orElseGet(() -> byName.isEmpty() ? "" : byName.keySet().iterator().next());
    }
}

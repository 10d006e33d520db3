package dev.scalelab.cli;

import dev.scalelab.world.Presets;
import dev.scalelab.world.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "presets", mixinStandardHelpOptions = true, description = "List the built-in scenarios.")
final class PresetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String name : Presets.names()) {
            Scenario s = Presets.load(name);
            out.printf("%-18s %s%n", name, s.description());
        }
        out.flush();
        return Cli.EXIT_OK;
    }
}

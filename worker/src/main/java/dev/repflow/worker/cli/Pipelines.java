package dev.repflow.worker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.repflow.anchoring.AnchoringResult;
import dev.repflow.anchoring.AnchoringSpec;
import dev.repflow.anchoring.AnchoringWorkflow;
import dev.repflow.collapse.CollapseResult;
import dev.repflow.collapse.CollapseSpec;
import dev.repflow.collapse.CollapseWorkflow;
import dev.repflow.common.PipelineSpec;
import dev.repflow.fungi.FungiResult;
import dev.repflow.fungi.FungiSpec;
import dev.repflow.fungi.FungiWorkflow;
import dev.repflow.imprinting.ImprintingResult;
import dev.repflow.imprinting.ImprintingSpec;
import dev.repflow.imprinting.ImprintingWorkflow;
import dev.repflow.stitching.StitchingResult;
import dev.repflow.stitching.StitchingSpec;
import dev.repflow.stitching.StitchingWorkflow;
import dev.repflow.sweep.SweepResult;
import dev.repflow.sweep.SweepSpec;
import dev.repflow.sweep.SweepWorkflow;
import dev.repflow.transfer.TransferEvalResult;
import dev.repflow.transfer.TransferEvalSpec;
import dev.repflow.transfer.TransferEvalWorkflow;
import dev.repflow.worker.config.ConfigException;
import dev.repflow.worker.config.ConfigLoader;
import dev.repflow.worker.config.DatasetClasses;
import dev.repflow.worker.config.SweepConfigs;
import dev.repflow.worker.config.SweepSection;
import dev.repflow.worker.report.AnchoringRunReport;
import dev.repflow.worker.report.CollapseReport;
import dev.repflow.worker.report.FungiReport;
import dev.repflow.worker.report.ImprintingReport;
import dev.repflow.worker.report.StitchingReport;
import dev.repflow.worker.report.SweepRunReport;
import dev.repflow.worker.report.TransferEvalReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The pipelines `repflow run` knows; a new pipeline adds one entry to {@link #ALL}. */
public final class Pipelines {
  public static final Pipeline<TransferEvalSpec, TransferEvalResult> TRANSFER =
      new Pipeline<>(
          TransferEvalSpec.PIPELINE,
          TransferEvalWorkflow.TYPE,
          TransferEvalSpec.class,
          TransferEvalResult.class,
          TransferEvalReport::print);

  public static final Pipeline<FungiSpec, FungiResult> FUNGI =
      new Pipeline<>(
          FungiSpec.PIPELINE,
          FungiWorkflow.TYPE,
          FungiSpec.class,
          FungiResult.class,
          FungiReport::print);

  public static final Pipeline<AnchoringSpec, AnchoringResult> ANCHORING =
      new Pipeline<>(
          AnchoringSpec.PIPELINE,
          AnchoringWorkflow.TYPE,
          AnchoringSpec.class,
          AnchoringResult.class,
          AnchoringRunReport::print);

  public static final Pipeline<StitchingSpec, StitchingResult> STITCHING =
      new Pipeline<>(
          StitchingSpec.PIPELINE,
          StitchingWorkflow.TYPE,
          StitchingSpec.class,
          StitchingResult.class,
          StitchingReport::print);

  public static final Pipeline<CollapseSpec, CollapseResult> COLLAPSE =
      new Pipeline<>(
          CollapseSpec.PIPELINE,
          CollapseWorkflow.TYPE,
          CollapseSpec.class,
          CollapseResult.class,
          CollapseReport::print);

  public static final Pipeline<ImprintingSpec, ImprintingResult> IMPRINTING =
      new Pipeline<>(
          ImprintingSpec.PIPELINE,
          ImprintingWorkflow.TYPE,
          ImprintingSpec.class,
          ImprintingResult.class,
          ImprintingReport::print);

  public static final List<Pipeline<?, ?>> ALL =
      List.of(TRANSFER, FUNGI, ANCHORING, STITCHING, COLLAPSE, IMPRINTING);

  /** A sweep over any pipeline: started for configs with a {@code sweep:} section. */
  public static final Pipeline<SweepSpec, SweepResult> SWEEP =
      new Pipeline<>(
          "sweep", SweepWorkflow.TYPE, SweepSpec.class, SweepResult.class, SweepRunReport::print);

  private Pipelines() {}

  /** The pipeline (or sweep) started as workflow type {@code type}, if repflow has one. */
  public static Optional<Pipeline<?, ?>> byWorkflowType(String type) {
    return Stream.concat(ALL.stream(), Stream.of(SWEEP))
        .filter(p -> p.workflowType().equals(type))
        .findFirst();
  }

  /** Workflow types of every pipeline and of sweeps: what `repflow list` shows. */
  public static List<String> workflowTypes() {
    return Stream.concat(ALL.stream(), Stream.of(SWEEP)).map(Pipeline::workflowType).toList();
  }

  /**
   * Reads a config: its {@code pipeline:} key picks the spec type, then the whole file is bound to
   * it with the usual one-line errors.
   */
  public static Loaded load(Path config) {
    JsonNode tree = ConfigLoader.load(config, JsonNode.class);
    JsonNode name = tree.path("pipeline");
    if (!name.isTextual()) {
      throw new ConfigException(
          config + ": key 'pipeline' is required (one of: " + names() + ")", null);
    }
    Pipeline<?, ?> pipeline =
        ALL.stream()
            .filter(p -> p.name().equals(name.asText()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigException(
                        config
                            + ": unknown pipeline '"
                            + name.asText()
                            + "' (known: "
                            + names()
                            + ")",
                        null));
    Optional<SweepSection> sweep = SweepConfigs.section(config);
    Optional<ObjectNode> filled = DatasetClasses.fill(config, tree);
    JsonNode resolved = filled.isPresent() ? filled.get() : tree;
    PipelineSpec spec =
        sweep.isPresent()
            ? (PipelineSpec) SweepConfigs.base(config, resolved, pipeline.specType())
            : filled.isPresent()
                ? (PipelineSpec) ConfigLoader.load(config, resolved, pipeline.specType())
                : (PipelineSpec) ConfigLoader.load(config, pipeline.specType());
    return new Loaded(pipeline, spec, sweep.orElse(null));
  }

  private static String names() {
    return ALL.stream().map(Pipeline::name).collect(Collectors.joining(", "));
  }

  /**
   * A config read into its pipeline's spec type.
   *
   * @param sweep the config's {@code sweep:} section, or null
   */
  public record Loaded(Pipeline<?, ?> pipeline, PipelineSpec spec, SweepSection sweep) {}
}

package dev.repflow.reports;

import java.util.List;

/** One line of a plot: points (x[i], y[i]). */
public record PlotSeries(String name, List<Double> x, List<Double> y) {
  public PlotSeries {
    if (x.size() != y.size()) {
      throw new IllegalArgumentException(name + ": " + x.size() + " x values, " + y.size() + " y");
    }
    x = List.copyOf(x);
    y = List.copyOf(y);
  }
}

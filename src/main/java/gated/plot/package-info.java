/**
 * Pictures of what a recurrent network does, drawn with XChart.
 *
 * <p>Every helper offers three levels of use, as XChart itself does:
 * <ol>
 *   <li>a one-line quick call that returns the chart, e.g. {@code GatePlots.heatmap(trace, LstmGate.FORGET)};</li>
 *   <li>a small immutable builder for the common options ({@link LinePlot}, {@link Heatmap}, {@link BarPlot}),
 *       returned by the {@code …Plot} methods, e.g. {@code StatePlots.tracesPlot(trace).title("…").build()};</li>
 *   <li>the XChart object itself ({@code XYChart}, {@code HeatMapChart}, {@code CategoryChart}) for full styling.</li>
 * </ol>
 * In a notebook, show any chart with {@code display(Plots.image(chart));}. Everything renders headless.
 */
package gated.plot;

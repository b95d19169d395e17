/**
 * Markup every page and plot shares: XML/HTML escaping and {@link dev.repflow.markup.Svg}, the one
 * SVG writer the charts of reports, the results browser and the pipelines draw with. Below the
 * method packages and {@code reports}, so both can use it.
 */
package dev.repflow.markup;

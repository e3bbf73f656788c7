package dev.datajar.it.shop;

import dev.datajar.runtime.DataSet;

/** The relational fixture dataset: categories in a tree, products, tags, stock and readings. */
@DataSet("shop")
public interface ShopData {}

/**
 * What other modules may use of 供销对接 (DESIGN §2). Grows as they need it.
 */
// Sellers: the kinds (农产品 / 农资), and a selected seller by id (null otherwise).
export { SELLER_KINDS, type SellerKind } from '#modules/supply/models/seller'
export { findSelectedSeller } from '#modules/supply/sellers/seller_queries'
// Links from related places (an expert's answer about a pest → 农资 sellers of that industry and county).
export { sellersPath } from '#modules/supply/sellers/seller_queries'

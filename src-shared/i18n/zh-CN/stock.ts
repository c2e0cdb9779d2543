import type { enStock } from '../en/stock';

/** 简体中文：库存流水、结存与出入库。 */
export const zhStock: Record<keyof typeof enStock, string> = {
  'error.stock.qty': '请输入大于零且不超过 {max}（基本单位）的数量。',
  'error.stock.kind': '未知的出入库类型“{kind}”。',
  'error.stock.item': '物料不存在或已停用，请重新选择。',
  'error.stock.area': '库位不存在或已停用，请重新选择。',
  'error.stock.value': '入库需要填写成本（零或以上）。',
  'error.stock.future': '出入库时间在未来，请检查日期和电脑时钟。',
  'error.stock.lot': '{item} 按批次管理：请填写批号。',
  'error.stock.negative': '{item} 库存不足：可用 {available}，需要 {requested}。请先盘点或入库。',
  'error.stock.alreadyReversed': '该笔流水已被冲销。',
  'kind.receipt': '采购入库',
  'kind.transfer_in': '调拨入库',
  'kind.area_in': '移库入',
  'kind.issue': '领用出库',
  'kind.sale': '销售扣减',
  'kind.maintenance': '维修领用',
  'kind.waste': '报损',
  'kind.transfer_out': '调拨出库',
  'kind.area_out': '移库出',
  'kind.return_supplier': '退货给供应商',
  'kind.count_adjust': '盘点调整',
};

#include "onnx/tensor_size.h"

#include "onnx/internal/port_types.h"

namespace ohm::onnx {

std::string describe(const TensorSizeFault& fault) {
  std::string text = fault.tensor.empty() ? std::string("unnamed tensor") : "tensor \"" + fault.tensor + "\"";
  if (!fault.location.empty()) text += " (" + fault.location + ")";
  std::string dims = "[";
  for (std::size_t i = 0; i < fault.dims.size(); ++i) dims += (i > 0 ? ", " : "") + std::to_string(fault.dims[i]);
  dims += "]";
  const std::string type = detail::elem_type_name(fault.data_type);
  if (!fault.problem.empty()) return text + ": dims " + dims + " of " + type + ": " + fault.problem;
  const char* unit = fault.bytes ? " bytes" : (fault.found == 1 ? " element" : " elements");
  return text + ": " + fault.field + " holds " + std::to_string(fault.found) + unit + ", but dims " + dims + " of " +
         type + " need " + std::to_string(fault.expected);
}

}  // namespace ohm::onnx

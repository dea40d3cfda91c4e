namespace MarginBridge.Margin.Book;

public enum OptionKind
{
    Call = 0,
    Put = 1,
}
